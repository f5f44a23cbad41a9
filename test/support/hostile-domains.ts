import fc from 'fast-check';
import { hostileString } from './hostile-values';

/** Hostile domains and URLs: punycode edge cases, homoglyphs, invisible characters, bad shapes. */

export const HOSTILE_DOMAINS: readonly string[] = [
  'xn--',
  'xn--a',
  'xn--a.com',
  'a.xn--',
  'XN--A.COM',
  'xn--zz.com',
  'xn---.com',
  'xn--9999999999a.com',
  'xn--ls8h.la',
  'xn--e28h.com',
  'xn--80ak6aa92e.com',
  'xn--fa-hia.de',
  'a.b.xn--p1ai',
  '.',
  '..',
  'a..com',
  '.example.com',
  'example.com.',
  'example.com..',
  'com',
  'co.uk',
  'localhost',
  '127.0.0.1',
  '[::1]',
  '::1',
  '0x7f000001',
  '2130706433',
  'example.com:443',
  'user@example.com',
  'http://example.com',
  'example.com/',
  'example.com/../../etc/passwd',
  '*.example.com',
  '_dmarc.example.com',
  'a_b.example.com',
  '-a.com',
  'a-.com',
  `${'a'.repeat(63)}.com`,
  `${'a'.repeat(64)}.com`,
  `${`${'b'.repeat(62)}.`.repeat(4)}com`,
  `${'c.'.repeat(127)}com`,
  'exаmple.com',
  'pаypal.com',
  'аррӏе.com',
  'ex\u200bample.com',
  'ex\u200dample.com',
  '\u202eexample.com',
  'example\u3002com',
  'example．com',
  'ＥＸＡＭＰＬＥ.com',
  'ß.de',
  'faß.de',
  'e\u0301.com',
  '😀.com',
  'пример.рф',
  'example.local',
  'example.onion',
  'example.invalid',
  'example.zz',
  'workers.dev',
  'x.workers.dev',
  'deep.a.b.c.d.e.f.g.example.co.uk',
  'Login-PAYPA1.example.com.',
];

export const validDomain: fc.Arbitrary<string> = fc.constantFrom(
  'login-paypa1.example.com',
  'bücher.de',
  'secure-login.co.uk',
  'phish.workers.dev',
  'malware.example.fr',
);

/** Inserts `fragment` somewhere inside a real-looking domain. */
const spliced = fc
  .tuple(
    fc.domain(),
    fc.constantFrom('\u200b', '\u0000', '\u202e', ' ', '/', '%00', '\u0301', 'xn--', '..'),
    fc.nat(),
  )
  .map(([domain, fragment, at]) => {
    const i = at % (domain.length + 1);
    return `${domain.slice(0, i)}${fragment}${domain.slice(i)}`;
  });

export const hostileDomain: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_DOMAINS) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.domain() },
  { weight: 2, arbitrary: spliced },
  { weight: 1, arbitrary: validDomain },
);

export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'https://login-paypa1.example.com/signin',
    'http://',
    'https://',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'https://user:pass@example.com/',
    'https://[::1]/',
    'https://127.0.0.1:99999/',
    'https://example.com/\u0000',
    'https://ex ample.com/',
    'https://xn--a.com/',
    'https://exаmple.com/login',
    'https://example.com/%zz',
    'https://example.com/../../etc/passwd',
    'HTTPS://EXAMPLE.COM',
    '//example.com/x',
    'https:example.com',
    'https://example.com\\@evil.example/',
    `https://example.com/${'p'.repeat(5_000)}`,
  ),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  hostileString,
);
