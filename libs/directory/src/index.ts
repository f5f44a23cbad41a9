export * from './directory.module';
export { directoryProjection } from './projections/directory.projection';
export { OrganisationStreamRepository } from './infrastructure/organisation-stream.repository';
export { GetOrganisationQuery } from './queries/get-organisation/get-organisation.query';
export type { OrganisationView } from './projections/organisation-view';
export { DomainRouter } from './routing/domain-router';
export type { RoutingDecision, RoutedParty } from './domain/routing/routing-decision';
export { RoutingDecisionType } from './graphql/routing-decision.type';
export { presentRoutingDecision } from './graphql/routing-decision.presenter';
export { checkEmail } from './reference-data/contact-values';
export { isOrganisationVerified } from './queries/organisation-verification';
export type { OrganisationKind } from './domain/directory.vocabulary';
export type { SlaTermsOverride } from './domain/organisation.types';
export { DirectoryImportService, type DirectoryImportSummary } from './import/directory-import.service';
export {
  loadReferenceData,
  type ReferenceDataSet,
  type ReferenceLoadProgress,
} from './reference-data/reference-data.loader';
export {
  ReferenceDataFormatError,
  ReferenceDataUnavailableError,
} from './reference-data/reference-data.errors';
export type { Rejection } from './reference-data/reference-records';
