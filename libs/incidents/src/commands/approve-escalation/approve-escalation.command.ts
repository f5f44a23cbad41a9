import { EscalationChangeCommand } from '../escalation-change.base';

export class ApproveEscalationCommand extends EscalationChangeCommand<Record<string, never>> {}
