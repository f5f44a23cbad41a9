import type { TakedownAction } from '../../domain/escalation.vocabulary';
import { EscalationChangeCommand } from '../escalation-change.base';

export class RecordTakedownActionCommand extends EscalationChangeCommand<{
  readonly action: TakedownAction;
  readonly evidence?: string | null | undefined;
}> {}
