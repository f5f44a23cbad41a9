export * from './incidents.module';
export { incidentsProjection } from './projections/incidents.projection';
