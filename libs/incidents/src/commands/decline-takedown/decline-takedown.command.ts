import type { DeclineReason } from '../../domain/escalation.vocabulary';
import { EscalationChangeCommand } from '../escalation-change.base';

export class DeclineTakedownCommand extends EscalationChangeCommand<{
  readonly reasonCode: DeclineReason;
  readonly reason: string;
}> {}
