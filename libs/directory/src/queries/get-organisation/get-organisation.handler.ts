import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, isUuid } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { OrganisationNotFoundError } from '../../domain/organisation.errors';
import { selectOrganisationDocument } from '../../projections/directory.read-model';
import type { OrganisationView } from '../../projections/organisation-view';
import { GetOrganisationQuery } from './get-organisation.query';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModelAccess) {}

  async execute({ organisationId, minPosition }: GetOrganisationQuery): Promise<OrganisationView> {
    if (!isUuid(organisationId))
      throw new InvalidInputError('id', organisationId, 'is not an organisation id');
    await this.readModel.waitFor(minPosition);
    const row = await this.readModel.sql.firstPrepared(selectOrganisationDocument, [organisationId]);
    if (!row) throw new OrganisationNotFoundError(organisationId);
    return JSON.parse(row.document) as OrganisationView;
  }
}
