import { InvalidInputError } from '@app/core';
import { parsePrivateSuffix, parseTld } from '../commands/organisation-input.parsers';
import type { OrganisationFilter } from '../queries/list-organisations/list-organisations.query';
import { checkCountryCode, checkRegistrarId } from '../reference-data/contact-values';
import type { OrganisationFilterInput } from './organisation.inputs';

const MAX_SEARCH_LENGTH = 200;

/** Validates and normalises a filter, so a bad country or TLD is BAD_USER_INPUT, not an empty page. */
export function parseOrganisationFilter(input: OrganisationFilterInput): OrganisationFilter {
  const filter: { -readonly [K in keyof OrganisationFilter]: OrganisationFilter[K] } = {
    kind: input.kind ?? null,
    verification: input.verification ?? null,
  };
  if (input.country) {
    const check = checkCountryCode(input.country);
    if (!check.ok) throw new InvalidInputError('filter.country', input.country, check.reason);
    filter.country = check.value;
  }
  if (input.tld) filter.tld = parseTld('filter.tld', input.tld);
  if (input.suffix) filter.suffix = parsePrivateSuffix('filter.suffix', input.suffix);
  if (input.ianaId !== null && input.ianaId !== undefined) {
    const check = checkRegistrarId(input.ianaId);
    if (!check.ok) throw new InvalidInputError('filter.ianaId', input.ianaId, check.reason);
    filter.ianaId = check.value;
  }
  const search = input.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH_LENGTH) {
      throw new InvalidInputError(
        'filter.search',
        input.search,
        `must be at most ${MAX_SEARCH_LENGTH} characters`,
      );
    }
    filter.search = search;
  }
  return filter;
}
