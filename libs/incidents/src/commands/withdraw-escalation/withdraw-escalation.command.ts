import { EscalationChangeCommand } from '../escalation-change.base';

export class WithdrawEscalationCommand extends EscalationChangeCommand<{ readonly reason: string }> {}
