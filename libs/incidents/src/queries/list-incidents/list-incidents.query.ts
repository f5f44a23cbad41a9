import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/core';
import type { IncidentListFilter, IncidentPage } from './list-incidents.read-model';

export class ListIncidentsQuery extends Query<IncidentPage> {
  constructor(
    readonly filter: IncidentListFilter,
    readonly first: number,
    readonly after: string | null,
    /** Only incidents this viewer may see are listed and counted. */
    readonly viewer: Viewer,
  ) {
    super();
  }
}
