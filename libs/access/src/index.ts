export * from './access.module';
export { accessProjection } from './projections/access.projection';
export { ApiTokenAuthenticator } from './api-token.authenticator';
export {
  CoordinationCentreBootstrap,
  AlreadyBootstrappedError,
  type BootstrapResult,
} from './coordination-centre.bootstrap';
export * from './domain/incident-access.policy';
export * from './incident-access.guard';
