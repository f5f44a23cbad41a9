import type { OrganisationKind } from './directory.vocabulary';
import { CoverageMismatchError } from './organisation.errors';
import type { Coverage } from './organisation.types';

/** Which coverage each kind may hold; anything else is a mistake routing would act on. */
const ALLOWED: Record<OrganisationKind, ReadonlySet<keyof Coverage>> = {
  CSIRT: new Set(['countries']),
  REGISTRY: new Set(['tlds']),
  REGISTRAR: new Set(['ianaId']),
  HOSTING_PLATFORM: new Set(['suffixes']),
  COORDINATION_CENTRE: new Set(),
};

/** Throws when `coverage` holds something the kind cannot answer for. */
export function assertCoverageFits(kind: OrganisationKind, coverage: Coverage): void {
  const allowed = ALLOWED[kind];
  const check = (field: keyof Coverage, present: boolean, what: string): void => {
    if (present && !allowed.has(field)) throw new CoverageMismatchError(kind, what, coverage[field]);
  };
  check('countries', coverage.countries.length > 0, 'countries');
  check('tlds', coverage.tlds.length > 0, 'TLDs');
  check('ianaId', coverage.ianaId !== null, 'an IANA registrar id');
  check('suffixes', coverage.suffixes.length > 0, 'private suffixes');
}

export function sameCoverage(a: Coverage, b: Coverage): boolean {
  return (
    a.ianaId === b.ianaId &&
    sameList(a.countries, b.countries) &&
    sameList(a.tlds, b.tlds) &&
    sameList(a.suffixes, b.suffixes)
  );
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** Sorted, unique lists: the canonical form events store. */
export function canonicalCoverage(coverage: Coverage): Coverage {
  const tidy = (list: readonly string[]): string[] => [...new Set(list)].sort();
  return {
    countries: tidy(coverage.countries),
    tlds: tidy(coverage.tlds),
    ianaId: coverage.ianaId,
    suffixes: tidy(coverage.suffixes),
  };
}
