import { uuidV5 } from '@app/core';
import type { SyncOrganisationFromReference } from '../domain/organisation.commands';
import type { Contact, ContactDetails } from '../domain/organisation.types';
import type { TldEntry } from '../domain/root-zone.events';
import type { ReferenceDataSet } from '../reference-data/reference-data.loader';
import type { AbuseContactRecord, Rejection } from '../reference-data/reference-records';

/** Namespace of ids derived from reference data keys, so every import finds the same organisations. */
const REFERENCE_NAMESPACE = '1b4e28ba-2fa1-4d3b-a3f5-ef19a7d6b0c4';

export const referenceOrganisationId = (key: string): string => uuidV5(key, REFERENCE_NAMESPACE);

export interface DirectoryImportPlan {
  readonly organisations: readonly SyncOrganisationFromReference[];
  readonly tlds: readonly TldEntry[];
  /** Rows read but deliberately not imported, by reason. */
  readonly skipped: ReadonlyMap<string, number>;
  readonly rejections: readonly Rejection[];
}

/**
 * What the directory should hold according to a reference data set: registries grouped by
 * operator with their delegated TLDs, accredited registrars by IANA id, national CSIRTs by
 * country, and every TLD's root zone facts. Pure and deterministic, so two runs over the same
 * files plan the same directory.
 */
export function planDirectoryImport(data: ReferenceDataSet): DirectoryImportPlan {
  const skipped = new Map<string, number>();
  const skip = (reason: string, count = 1): void => {
    if (count > 0) skipped.set(reason, (skipped.get(reason) ?? 0) + count);
  };
  skip('registry abuse contact rows without a usable contact', data.registryAbuseContacts.skipped);
  skip('registrar abuse contact rows without a usable contact', data.registrarAbuseContacts.skipped);

  const registries = planRegistries(data);
  const registrarAbuse = new Map(data.registrarAbuseContacts.records.map((r) => [r.subject, r]));
  const registrars: SyncOrganisationFromReference[] = [];
  for (const record of data.registrars.records) {
    if (record.status !== 'ACCREDITED') {
      skip(`registrar ids with status ${record.status.toLowerCase()}`);
      continue;
    }
    const organisationId = referenceOrganisationId(`registrar:${record.ianaId}`);
    const abuse = registrarAbuse.get(String(record.ianaId));
    registrars.push({
      type: 'SyncOrganisationFromReference',
      organisationId,
      kind: 'REGISTRAR',
      name: record.name,
      aliases: [],
      website: null,
      coverage: { countries: [], tlds: [], ianaId: record.ianaId, suffixes: [] },
      source: 'IMPORT:registrars',
      contacts: abuse ? [abuseContact(organisationId, abuse, 'IMPORT:registrars')] : [],
    });
  }
  const csirts = data.csirts.records.map((record): SyncOrganisationFromReference => {
    const organisationId = referenceOrganisationId(`csirt:${record.country}`);
    const reachable = record.email !== null || record.phone !== null;
    const details: ContactDetails = {
      role: 'INCIDENT',
      email: record.email,
      phone: record.phone,
      webFormUrl: null,
      pgpFingerprint: record.pgpFingerprint,
      languages: record.languages,
      timeZone: null,
      hours: null,
    };
    return {
      type: 'SyncOrganisationFromReference',
      organisationId,
      kind: 'CSIRT',
      name: record.name,
      aliases: [...record.aliases],
      website: record.website,
      coverage: { countries: [record.country], tlds: [], ianaId: null, suffixes: [] },
      source: 'IMPORT:csirts',
      contacts: reachable ? [contactOf(organisationId, details, record.asOf, 'IMPORT:csirts')] : [],
    };
  });
  return {
    organisations: [...registries.organisations, ...registrars, ...csirts],
    tlds: registries.tlds,
    skipped,
    rejections: [
      ...data.tlds.rejections,
      ...data.registryAbuseContacts.rejections,
      ...data.registrars.rejections,
      ...data.registrarAbuseContacts.rejections,
      ...data.csirts.rejections,
    ],
  };
}

interface RegistryGroup {
  readonly name: string;
  readonly organisationId: string;
  readonly tlds: string[];
  readonly contacts: Map<string, Contact>;
}

function planRegistries(data: ReferenceDataSet): {
  organisations: SyncOrganisationFromReference[];
  tlds: TldEntry[];
} {
  const abuseByTld = new Map(data.registryAbuseContacts.records.map((r) => [r.subject, r]));
  const byOperator = new Map<string, RegistryGroup>();
  const tlds: TldEntry[] = [];
  for (const record of data.tlds.records) {
    let organisationId: string | null = null;
    if (record.delegated && record.registryOperator !== null) {
      const key = record.registryOperator.toLowerCase().replace(/\s+/g, ' ').trim();
      organisationId = referenceOrganisationId(`registry:${key}`);
      const group: RegistryGroup = byOperator.get(key) ?? {
        name: record.registryOperator,
        organisationId,
        tlds: [],
        contacts: new Map(),
      };
      group.tlds.push(record.tld);
      const abuse = abuseByTld.get(record.tld);
      if (abuse) {
        const contact = abuseContact(organisationId, abuse, 'IMPORT:registries');
        group.contacts.set(contact.contactId, contact);
      }
      byOperator.set(key, group);
    }
    tlds.push({
      tld: record.tld,
      type: record.type,
      delegated: record.delegated,
      country: record.country,
      registryOperator: record.registryOperator,
      registryOrganisationId: organisationId,
      rdapBaseUrls: record.rdapBaseUrls,
      lastUpdated: record.lastUpdated,
      source: record.source.file,
    });
  }
  const organisations = [...byOperator.values()].map((group): SyncOrganisationFromReference => ({
    type: 'SyncOrganisationFromReference',
    organisationId: group.organisationId,
    kind: 'REGISTRY',
    name: group.name,
    aliases: [],
    website: null,
    coverage: { countries: [], tlds: group.tlds, ianaId: null, suffixes: [] },
    source: 'IMPORT:registries',
    contacts: [...group.contacts.values()].sort((a, b) => a.contactId.localeCompare(b.contactId)),
  }));
  return { organisations, tlds };
}

function abuseContact(
  organisationId: string,
  record: AbuseContactRecord,
  source: `IMPORT:${string}`,
): Contact {
  const details: ContactDetails = {
    role: 'ABUSE',
    email: record.email,
    phone: null,
    webFormUrl: record.formUrl,
    pgpFingerprint: null,
    languages: [],
    timeZone: null,
    hours: null,
  };
  return contactOf(organisationId, details, record.asOf, source);
}

/** The contact's id comes from what it reaches, so an unchanged contact keeps its id across imports. */
function contactOf(
  organisationId: string,
  details: ContactDetails,
  asOf: string | null,
  source: `IMPORT:${string}`,
): Contact {
  const key = `${organisationId}:${details.role}:${details.email ?? ''}:${details.webFormUrl ?? ''}:${details.phone ?? ''}`;
  return {
    ...details,
    contactId: referenceOrganisationId(`contact:${key}`),
    lastConfirmedAt: asOf === null ? null : `${asOf}T00:00:00.000Z`,
    source,
  };
}
