import { domainToASCII } from 'node:url';
import { InvalidInputError } from '@app/core';
import { normaliseDomain } from '@app/core';
import type { IncidentListFilter } from '../queries/list-incidents/list-incidents.read-model';
import type { IncidentFilterInput } from './incident-filter.input';

const TLD_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Normalises the filter's domain and TLD the way stored domains are normalised. */
export function parseIncidentFilter(input: IncidentFilterInput | null): IncidentListFilter {
  if (!input) return {};
  const { tld, domain, ...rest } = input;
  return {
    ...rest,
    tld: tld ? parseTld(tld) : null,
    domain: domain ? normaliseDomain(domain, 'filter.domain').name : null,
  };
}

function parseTld(input: string): string {
  const tld = domainToASCII(input.trim().replace(/^\./, '').replace(/\.$/, '').toLowerCase());
  if (!TLD_LABEL.test(tld)) throw new InvalidInputError('filter.tld', input, 'is not a top-level domain');
  return tld;
}
