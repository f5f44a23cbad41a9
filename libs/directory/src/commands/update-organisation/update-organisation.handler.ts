import { assertCoordinator, assertManagesOrganisation } from '@app/core';
import { assertCoverageFree } from '../coverage-conflicts';
import { organisationChangeHandler } from '../organisation-change.handler';
import { parseCoverage, parseDetails } from '../organisation-input.parsers';
import { UpdateOrganisationCommand } from './update-organisation.command';

export const UpdateOrganisationHandler = organisationChangeHandler(UpdateOrganisationCommand, {
  authorize: (viewer, organisationId, input) => {
    assertManagesOrganisation(viewer, organisationId, 'update an organisation');
    if (input.coverage) assertCoordinator(viewer, 'change what an organisation covers');
  },
  toCommand: async (input, _now, _viewer, organisationId, sql) => {
    const coverage = input.coverage ? parseCoverage(input.coverage) : null;
    if (coverage) await assertCoverageFree(sql, coverage, organisationId);
    return { type: 'UpdateOrganisation', details: parseDetails(input), coverage };
  },
});
