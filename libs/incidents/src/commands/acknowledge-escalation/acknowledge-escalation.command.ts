import { EscalationChangeCommand } from '../escalation-change.base';

export class AcknowledgeEscalationCommand extends EscalationChangeCommand<Record<string, never>> {}
