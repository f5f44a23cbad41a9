import type { CsirtMention } from './csirt-mentions.parser';
import type { CsirtRecord, ParseResult } from './reference-records';

/**
 * One national CSIRT per country from a contact list (CERTopedia) and a list of name variants
 * (CNW mentions). The name is the contact list's when it has the country, else the most
 * mentioned variant; the other variants become aliases (case-insensitively distinct), the
 * mentions give the languages (most mentioned first) and, failing a website, the root of the
 * top variant's example URL. Records come out sorted by country.
 */
export function mergeNationalCsirts(
  contacts: ParseResult<CsirtRecord>,
  mentions: ParseResult<CsirtMention>,
): ParseResult<CsirtRecord> {
  const contactByCountry = new Map(contacts.records.map((record) => [record.country, record]));
  const mentionsByCountry = groupByCountry(mentions.records);
  const countries = [...new Set([...contactByCountry.keys(), ...mentionsByCountry.keys()])].sort();
  const records = countries.flatMap((country) => {
    const group = mentionsByCountry.get(country) ?? [];
    const base = contactByCountry.get(country) ?? recordOfMention(group[0]);
    return base === undefined ? [] : [mergeMentions(base, group)];
  });
  return { records, rejections: [...contacts.rejections, ...mentions.rejections] };
}

function mergeMentions(base: CsirtRecord, mentions: readonly CsirtMention[]): CsirtRecord {
  const names = mentions.map((mention) => mention.name);
  return {
    ...base,
    aliases: distinctNames(base.name, [...names, ...base.aliases]),
    languages: [...new Set([...base.languages, ...mentions.flatMap((mention) => mention.language ?? [])])],
    website: base.website ?? mentions[0]?.websiteHint ?? null,
  };
}

function recordOfMention(mention: CsirtMention | undefined): CsirtRecord | undefined {
  if (mention === undefined) return undefined;
  const { source, country, name } = mention;
  const none = { email: null, phone: null, website: null, pgpFingerprint: null, asOf: null };
  return { source, country, name, aliases: [], languages: [], ...none };
}

/** Mentions per country, most mentioned first (file order among equals). */
function groupByCountry(mentions: readonly CsirtMention[]): Map<string, CsirtMention[]> {
  const groups = new Map<string, CsirtMention[]>();
  for (const mention of mentions) {
    const group = groups.get(mention.country) ?? [];
    group.push(mention);
    groups.set(mention.country, group);
  }
  for (const group of groups.values()) group.sort((a, b) => b.mentions - a.mentions);
  return groups;
}

/** Names other than `primary`, first spelling kept, compared without regard to case. */
function distinctNames(primary: string, names: readonly string[]): string[] {
  const seen = new Set([primary.toLowerCase()]);
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
