import type { TldType } from '../domain/directory.vocabulary';

/**
 * Records the reference-data parsers produce and the directory import consumes. Every record
 * says which file and line it came from, so a rejection or an event can point back at it.
 */
export interface SourceLocation {
  /** File name relative to the import root, or the URL it was fetched from. */
  readonly file: string;
  /** 1-based line (CSV) or 1-based array index (JSON) of the record. */
  readonly line: number;
}

/** A row the parser could not accept; bad rows are reported, never fatal. */
export interface Rejection extends SourceLocation {
  readonly reason: string;
}

export interface ParseResult<T> {
  readonly records: readonly T[];
  readonly rejections: readonly Rejection[];
}

/** One TLD of the IANA Root Zone Database. */
export interface TldRecord {
  readonly source: SourceLocation;
  /** Lower-case A-label without dots, e.g. `com`, `xn--p1ai`. */
  readonly tld: string;
  /** IANA's tag mapped to our vocabulary (`country-code` -> COUNTRY_CODE...). */
  readonly type: TldType;
  readonly delegated: boolean;
  /** ISO 3166-1 alpha-2 (upper case) of a ccTLD, IDN ccTLDs included; null for others. */
  readonly country: string | null;
  /**
   * Registry operator: ICANN's registry operator for gTLDs, else IANA's sponsoring organisation;
   * null only for a TLD that is not delegated (IANA lists no operator for retired TLDs).
   */
  readonly registryOperator: string | null;
  readonly registryUrl: string | null;
  readonly whoisServer: string | null;
  /** RDAP base URLs known for the TLD from the root zone file (bootstrap is merged later). */
  readonly rdapBaseUrls: readonly string[];
  /** Date the root zone entry last changed (YYYY-MM-DD), when given. */
  readonly lastUpdated: string | null;
}

export type RegistrarStatus = 'ACCREDITED' | 'TERMINATED' | 'RESERVED';

/** One row of IANA's registrar id list. */
export interface RegistrarRecord {
  readonly source: SourceLocation;
  readonly ianaId: number;
  readonly name: string;
  readonly status: RegistrarStatus;
  readonly rdapBaseUrl: string | null;
}

/** An abuse contact published for a TLD's registry or a registrar (by IANA id). */
export interface AbuseContactRecord {
  readonly source: SourceLocation;
  /** The TLD (for registries) or the IANA id as a decimal string (for registrars). */
  readonly subject: string;
  readonly email: string | null;
  readonly formUrl: string | null;
  /** Date the source last confirmed the contact (YYYY-MM-DD), when given. */
  readonly asOf: string | null;
}

/** A national CSIRT, merged from the CSIRT lists by country. */
export interface CsirtRecord {
  readonly source: SourceLocation;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly name: string;
  /** Other names the same team is known by (e.g. `CERT-AT` for `CERT.at`). */
  readonly aliases: readonly string[];
  readonly email: string | null;
  /** E.164 when the source gives a usable number. */
  readonly phone: string | null;
  readonly website: string | null;
  /** Upper-case hex without spaces. */
  readonly pgpFingerprint: string | null;
  /** ISO 639-1 codes, lower case. */
  readonly languages: readonly string[];
  readonly asOf: string | null;
}

/** TLD -> RDAP base URLs from an RFC 9224 bootstrap file (plus supplements). */
export interface RdapBootstrapRecord {
  readonly source: SourceLocation;
  readonly tld: string;
  readonly baseUrls: readonly string[];
}
