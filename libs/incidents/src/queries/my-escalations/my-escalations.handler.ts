import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { listMyEscalations } from './my-escalations.read-model';
import { type InboxPage, MyEscalationsQuery } from './my-escalations.query';

@QueryHandler(MyEscalationsQuery)
export class MyEscalationsHandler implements IQueryHandler<MyEscalationsQuery> {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModelAccess) {}

  execute(query: MyEscalationsQuery): Promise<InboxPage> {
    return listMyEscalations(this.readModel.sql, query);
  }
}
