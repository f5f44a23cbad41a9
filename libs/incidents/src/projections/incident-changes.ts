import type { DomainName } from '@app/core';
import { isEscalationEvent } from '../domain/escalation.events';
import type { StoredIncidentEvent } from '../infrastructure/incident-event.codec';
import { evolveIncidentView, type IncidentView } from './incident-view';

/** Events that change who is involved in an incident. */
const ACCESS_CHANGES: ReadonlySet<string> = new Set([
  'IncidentReported',
  'IncidentShared',
  'EscalationSent',
  'EscalationApproved',
]);

/**
 * What a batch of one incident's events changes in the read model: the rows that applying them one
 * at a time would leave behind. The per-event projection rewrote the domain, escalation, clock and
 * access rows only after events of certain kinds, from the view as it was right after that event;
 * so the rows are taken from the views at those moments, not from the final view (a domain added
 * after the last escalation event, say, does not reach the escalation rows).
 */
export interface IncidentChanges {
  readonly view: IncidentView;
  /** Every domain of the views after IncidentReported or DomainAdded, each name once, first seen first. */
  readonly domains: readonly DomainName[];
  /**
   * The views after which escalation rows were written, oldest first: the last one of each report
   * of the incident (only a repeated IncidentReported starts another). Escalations of an earlier
   * one that a later one no longer lists keep their rows, as they did event by event.
   */
  readonly escalationsAt: readonly IncidentView[];
  /** The view after the last event that changed who is involved, if any. */
  readonly accessAt: IncidentView | null;
}

/** Pure: folds one incident's events of a batch, in log order, into the stored view. */
export function foldIncidentEvents(
  stored: IncidentView | null,
  events: readonly StoredIncidentEvent[],
): IncidentChanges | null {
  let view = stored;
  const domains = new Map<string, DomainName>();
  const escalationsAt: IncidentView[] = [];
  let reports = 0;
  let escalationsReport = -1;
  let accessAt: IncidentView | null = null;
  for (const { event, metadata } of events) {
    const after = evolveIncidentView(view, event, metadata);
    if (!after) continue;
    view = after;
    if (event.type === 'IncidentReported') reports += 1;
    if (event.type === 'IncidentReported' || event.type === 'DomainAdded') {
      for (const domain of after.domains) if (!domains.has(domain.name)) domains.set(domain.name, domain);
    }
    if (isEscalationEvent(event) || event.type === 'IncidentResolved') {
      if (escalationsReport === reports) escalationsAt.pop();
      escalationsAt.push(after);
      escalationsReport = reports;
    }
    if (ACCESS_CHANGES.has(event.type)) accessAt = after;
  }
  if (!view || view === stored) return null;
  return { view, domains: [...domains.values()], escalationsAt, accessAt };
}
