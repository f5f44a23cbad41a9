import fc from 'fast-check';
import { hostileDomain } from './hostile-domains';
import { hostileString, wrongType } from './hostile-values';

/** Hostile contact and coverage values: e-mails, phones, countries, TLDs, suffixes, time zones. */

export const hostileEmail: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'abuse@cert.ee',
    'a@b',
    'a@@b.com',
    '"quoted"@example.com',
    'a@xn--.com',
    'a@[127.0.0.1]',
    'ünicode@bücher.de',
    'a\u0000@example.com',
    `${'x'.repeat(300)}@example.com`,
    '<a@example.com>',
    'a@example.com, c@example.org',
    'a@example.com\r\nBcc: c@example.org',
    '@example.com',
    'a@',
    'a@example..com',
    'A@EXAMPLE.COM',
  ),
  fc.emailAddress(),
  hostileString,
);

export const hostilePhone: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '+33 1 23 45 67 89',
    '+1',
    '12',
    '+999999999999999999',
    '++33123456789',
    '+33 (0) 1 23 45 67 89',
    '0033123456789',
    '+٣٣١٢٣٤٥٦٧٨٩',
    '+33\u00001234567',
    '+33-1-23-45-67-89 ext. 12',
    'tel:+33123456789',
  ),
  hostileString,
);

export const hostileCountry: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('FR', 'ee', 'XX', 'FRA', 'F', '🇫🇷', 'ＦＲ', 'fr ', 'UK', 'EU', 'ZZ', 'AQ', '00'),
  hostileString,
);

export const hostileTld: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('fr', '.FR', 'fr.', 'xn--p1ai', 'рф', 'notatld', 'co.uk', 'xn--', 'xn--a', '.', '', 'COM'),
  hostileDomain,
);

export const hostileSuffix: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'pages.dev',
    'workers.dev',
    'com',
    '*.pages.dev',
    'x.pages.dev',
    'duckdns.org',
    'xn--a.dev',
  ),
  hostileDomain,
);

export const hostileTimeZone: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Europe/Paris',
    'UTC',
    'Mars/Olympus_Mons',
    '../../etc/localtime',
    'Etc/GMT+14',
    'europe/paris',
    'Europe/Paris\u0000',
    '+02:00',
  ),
  hostileString,
);

export const hostileLanguages: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom('en', 'EN', 'eng', 'e', 'zz', '', 'fr-FR'), hostileString), {
    maxLength: 4,
  }),
  wrongType,
);

export const hostilePgp: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a'.repeat(40),
    'B'.repeat(64),
    'a'.repeat(39),
    'g'.repeat(40),
    'AB12 '.repeat(10),
    '0x' + 'a'.repeat(40),
  ),
  hostileString,
);
