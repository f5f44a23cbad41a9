import { Query } from '@nestjs/cqrs';
import type { IncidentListFilter, IncidentPage } from './list-incidents.read-model';

export class ListIncidentsQuery extends Query<IncidentPage> {
  constructor(
    readonly filter: IncidentListFilter,
    readonly first: number,
    readonly after: string | null,
  ) {
    super();
  }
}
