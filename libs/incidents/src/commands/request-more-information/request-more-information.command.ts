import { EscalationChangeCommand } from '../escalation-change.base';

export class RequestMoreInformationCommand extends EscalationChangeCommand<{ readonly question: string }> {}
