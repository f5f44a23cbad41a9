import { assertCoordinator } from '@app/core';
import { assertCoverageFree } from '../coverage-conflicts';
import { organisationChangeHandler } from '../organisation-change.handler';
import { parseCoverage, parseDetails } from '../organisation-input.parsers';
import { RegisterOrganisationCommand } from './register-organisation.command';

export const RegisterOrganisationHandler = organisationChangeHandler(RegisterOrganisationCommand, {
  authorize: (viewer) => {
    assertCoordinator(viewer, 'register organisations');
  },
  toCommand: async (input, _now, _viewer, organisationId, sql) => {
    const details = parseDetails(input);
    const coverage = parseCoverage(input.coverage ?? {});
    await assertCoverageFree(sql, coverage, organisationId);
    return {
      type: 'RegisterOrganisation',
      organisationId,
      kind: input.kind,
      name: details.name ?? input.name,
      aliases: details.aliases ?? [],
      website: details.website ?? null,
      coverage,
      source: 'MANUAL',
    };
  },
});
