import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, type Viewer } from '@app/core';
import { READ_MODEL, type ReadModelAccess, type ReadModelSql } from '@app/event-store';
import type { OrganisationCommand } from '../domain/organisation.commands';
import {
  OrganisationStreamRepository,
  type OrganisationWriteResult,
} from '../infrastructure/organisation-stream.repository';
import type { OrganisationChangeCommand, OrganisationChangeCommandClass } from './organisation-command.base';

/** What a slice supplies: who may do it, and the decider command its input means. */
export interface OrganisationChangeSlice<Input> {
  authorize(viewer: Viewer, organisationId: string, input: Input): void;
  toCommand(
    input: Input,
    now: Date,
    viewer: Viewer,
    organisationId: string,
    sql: ReadModelSql,
  ): OrganisationCommand | Promise<OrganisationCommand>;
}

/** Builds the handler of one directory mutation: authorise, parse, then load, decide and append. */
export function organisationChangeHandler<Input>(
  commandClass: OrganisationChangeCommandClass<Input>,
  slice: OrganisationChangeSlice<Input>,
): new (
  organisations: OrganisationStreamRepository,
  readModel: ReadModelAccess,
  clock: Clock,
) => ICommandHandler<OrganisationChangeCommand<Input>> {
  @CommandHandler(commandClass)
  class OrganisationChangeHandler implements ICommandHandler<OrganisationChangeCommand<Input>> {
    constructor(
      private readonly organisations: OrganisationStreamRepository,
      @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
      @Inject(CLOCK) private readonly clock: Clock,
    ) {}

    async execute({
      organisationId,
      input,
      viewer,
      context,
    }: OrganisationChangeCommand<Input>): Promise<OrganisationWriteResult> {
      slice.authorize(viewer, organisationId, input);
      const command = await slice.toCommand(
        input,
        this.clock.now(),
        viewer,
        organisationId,
        this.readModel.sql,
      );
      return this.organisations.execute(organisationId, command, context);
    }
  }
  Object.defineProperty(OrganisationChangeHandler, 'name', {
    value: `${commandClass.name.replace(/Command$/, '')}Handler`,
  });
  return OrganisationChangeHandler;
}
