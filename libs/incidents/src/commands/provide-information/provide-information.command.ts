import { EscalationChangeCommand } from '../escalation-change.base';

export class ProvideInformationCommand extends EscalationChangeCommand<{ readonly answer: string }> {}
