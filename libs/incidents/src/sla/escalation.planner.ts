import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetOrganisationQuery, type OrganisationKind, type OrganisationView } from '@app/directory';
import type { EscalationRequest } from '../domain/escalation.commands';
import type { ClockSchedule, EscalationParty } from '../domain/escalation.events';
import type { EscalationState } from '../domain/escalation.state';
import type { Severity } from '../domain/incident.vocabulary';
import { clockDeadlines, resumeClock } from '../domain/sla/sla-deadlines';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import { type SlaOverride, slaTermsFor } from '../domain/sla/sla-terms';
import { SLA_CLOCKS, type RequestType } from '../domain/sla/sla.vocabulary';

export const SLA_POLICY = Symbol('SlaPolicy');

export interface PlanRequest {
  readonly escalationId: string;
  readonly organisationId: string;
  readonly requestType: RequestType;
  readonly domains: readonly string[];
  readonly message: string | null;
  readonly severity: Severity | null;
  readonly reporterOrganisationId: string | null;
  readonly nextParties: readonly EscalationParty[];
  readonly now: Date;
  /** The requester's organisation is not verified: its requests to registrars wait for a coordinator. */
  readonly requesterUnverified?: boolean;
}

/**
 * Prepares what the escalation decider needs and cannot look up itself: the party from the
 * directory, its clocks from the SLA policy and its own terms, and the trust signal about the reporter.
 */
@Injectable()
export class EscalationPlanner {
  constructor(
    @Inject(SLA_POLICY) private readonly policy: SlaPolicy,
    private readonly queries: QueryBus,
  ) {}

  async request(plan: PlanRequest): Promise<EscalationRequest> {
    const organisation = await this.queries.execute(new GetOrganisationQuery(plan.organisationId));
    const terms = slaTermsFor(
      this.policy,
      organisation.kind,
      plan.severity,
      plan.requestType,
      overrideOf(organisation),
    );
    const deadlines = clockDeadlines(plan.now, terms);
    const clocks: ClockSchedule[] = SLA_CLOCKS.map((clock) => {
      const d = deadlines[clock];
      return {
        clock,
        startedAt: d.startedAt.toISOString(),
        dueAt: d.dueAt.toISOString(),
        reminders: d.reminders.map((r) => ({ fraction: r.fraction, at: r.at.toISOString() })),
      };
    });
    return {
      escalationId: plan.escalationId,
      party: partyOf(organisation),
      requestType: plan.requestType,
      domains: plan.domains,
      message: plan.message,
      clocks,
      nextParties: plan.nextParties.filter((p) => p.organisationId !== organisation.id),
      reporterVerifiedCsirt: await this.isVerifiedCsirt(plan.reporterOrganisationId, plan.now),
      // Registrars asked to tell a real CSIRT from a victim: unverified requests pass a coordinator first.
      awaitingApproval: (plan.requesterUnverified ?? false) && organisation.kind === 'REGISTRAR',
    };
  }

  /** Fresh clocks for an approved escalation, started at `now`. */
  async clocksFrom(
    escalation: EscalationState,
    severity: Severity | null,
    now: Date,
  ): Promise<ClockSchedule[]> {
    const planned = await this.request({
      escalationId: escalation.escalationId,
      organisationId: escalation.party.organisationId,
      requestType: escalation.requestType,
      domains: escalation.domains,
      message: null,
      severity,
      reporterOrganisationId: null,
      nextParties: [],
      now,
    });
    return [...planned.clocks];
  }

  /** The paused clocks of `escalation` moved on by the time the pause took, in the party's calendar. */
  async resumed(escalation: EscalationState, severity: Severity | null, now: Date): Promise<ClockSchedule[]> {
    const kind = escalation.party.kind as OrganisationKind;
    const party = await this.queries
      .execute(new GetOrganisationQuery(escalation.party.organisationId))
      .catch(() => null);
    const { calendar } = slaTermsFor(
      this.policy,
      kind,
      severity,
      escalation.requestType,
      party ? overrideOf(party) : null,
    );
    return escalation.clocks
      .filter((c) => c.state === 'PAUSED' && c.pausedAt !== null)
      .map((c) => {
        const pausedAt = new Date(c.pausedAt as string);
        const move = (at: string): string => resumeClock(pausedAt, now, new Date(at), calendar).toISOString();
        return {
          clock: c.clock,
          startedAt: c.startedAt,
          dueAt: move(c.dueAt),
          reminders: c.reminders.map((r) => ({ fraction: r.fraction, at: move(r.at) })),
        };
      });
  }

  private async isVerifiedCsirt(organisationId: string | null, now: Date): Promise<boolean> {
    if (organisationId === null) return false;
    const reporter = await this.queries.execute(new GetOrganisationQuery(organisationId)).catch(() => null);
    const v = reporter?.verification;
    return reporter?.kind === 'CSIRT' && v?.status === 'VERIFIED' && Date.parse(v.expiresAt) > now.getTime();
  }
}

export const partyOf = (organisation: OrganisationView): EscalationParty => ({
  organisationId: organisation.id,
  name: organisation.name,
  kind: organisation.kind,
});

/** The organisation's own terms from the directory, in the policy's shape. */
function overrideOf(organisation: OrganisationView): SlaOverride | null {
  const terms = organisation.slaTerms;
  if (!terms) return null;
  return { ...terms, ...(terms.businessDays ? { businessDays: [...terms.businessDays] } : {}) };
}
