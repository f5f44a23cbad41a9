import type { Projection } from '@app/event-store';
import { accessProjection } from '@app/access';
import { directoryProjection } from '@app/directory';
import { incidentsProjection } from '@app/incidents';

/** Every read model dnscc maintains; the runner keeps each at its own checkpoint. */
export const PROJECTION_LIST: readonly Projection[] = [
  incidentsProjection,
  directoryProjection,
  accessProjection,
];
