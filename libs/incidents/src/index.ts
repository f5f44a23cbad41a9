export * from './incidents.module';
export { incidentsProjection } from './projections/incidents.projection';
export { IncidentRoutingProcess } from './routing/incident-routing.process';
