import {
  checkCountryCode,
  checkEmail,
  checkHostName,
  checkLanguageCode,
  checkPgpFingerprint,
  checkPhoneE164,
  checkRegistrarId,
  checkTimeZone,
  checkWebUrl,
} from './contact-values';
import type { ValueCheck } from './contact-values';
import { ASSIGNED_COUNTRY_CODES, ISO_639_1_CODES, countryCodeForName } from './iso-codes';

const value = <T>(check: ValueCheck<T>): T | undefined => (check.ok ? check.value : undefined);
const reason = (check: ValueCheck<unknown>): string | undefined => (check.ok ? undefined : check.reason);

describe('checkEmail', () => {
  it.each([
    ['abuse@example.com', 'abuse@example.com'],
    ['  First.Last+tag@Example.COM ', 'First.Last+tag@example.com'],
    ['abuse@afilias.info.', 'abuse@afilias.info'],
    ['abuse@bücher.de', 'abuse@xn--bcher-kva.de'],
  ])('accepts %j as %j', (input, expected) => {
    expect(value(checkEmail(input))).toBe(expected);
  });

  it.each([
    ['', 'must not be empty'],
    ['reportabuse@ibi@ibi.net', 'exactly one "@"'],
    ['no-at-sign.example.com', 'exactly one "@"'],
    ['a..b@example.com', 'invalid local part'],
    ['"quoted"@example.com', 'invalid local part'],
    ['domainabuse@40.86.78.67', 'alphabetic TLD'],
    ['abuse@localhost', 'at least two labels'],
    ['abuse@exa_mple.com', 'must not contain "_"'],
    ['abuse@-example.com', 'invalid label'],
    [`${'a'.repeat(65)}@example.com`, '1 to 64 characters'],
    [
      `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.com`,
      'at most 254',
    ],
  ])('refuses %j', (input, expected) => {
    expect(reason(checkEmail(input))).toContain(expected);
  });
});

describe('checkPhoneE164', () => {
  it.each([
    ['+61 7 3365 4417', '+61733654417'],
    ['+49 228 99 9582-222', '+49228999582222'],
    ['+1 (888) 282.0870', '+18882820870'],
  ])('accepts %j as %j', (input, expected) => {
    expect(value(checkPhoneE164(input))).toBe(expected);
  });

  it.each([
    ['0300 123 2040', 'must start with "+"'],
    ['1-833-CYBER-88', 'must start with "+"'],
    ['N/A (Email only)', 'must start with "+"'],
    ['+1-833-CYBER-88', 'only digits'],
    ['+0 123 456 789', 'starting with 0'],
    ['+49 123', '8 to 15 digits'],
    ['+49 1234 5678 9012 34', '8 to 15 digits'],
  ])('refuses %j', (input, expected) => {
    expect(reason(checkPhoneE164(input))).toContain(expected);
  });
});

describe('checkWebUrl', () => {
  it.each([
    ['HTTPS://WWW.Nic.FR', 'https://www.nic.fr/'],
    ['http://127.0.0.1:8080/data/', 'http://127.0.0.1:8080/data/'],
    ['https://bücher.de/abuse', 'https://xn--bcher-kva.de/abuse'],
  ])('accepts %j as %j', (input, expected) => {
    expect(value(checkWebUrl(input))).toBe(expected);
  });

  it.each([
    ['www.example.com', 'not an absolute URL'],
    ['ftp://example.com/', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['https://user:secret@example.com/', 'user name or password'],
    ['https://intranet/', 'at least two labels'],
    [`https://example.com/${'a'.repeat(2048)}`, 'at most 2048'],
  ])('refuses %j', (input, expected) => {
    expect(reason(checkWebUrl(input))).toContain(expected);
  });
});

describe('checkHostName', () => {
  it('lower-cases, drops one trailing dot and converts U-labels', () => {
    expect(value(checkHostName('WHOIS.Nic.FR.'))).toBe('whois.nic.fr');
    expect(value(checkHostName('nic.рф'))).toBe('nic.xn--p1ai');
  });

  it('refuses what WHATWG host parsing would silently rewrite', () => {
    expect(reason(checkHostName('ex%41mple.com'))).toContain('must not contain "%"');
    expect(reason(checkHostName('example.com/path'))).toContain('must not contain "/"');
  });
});

describe('checkCountryCode', () => {
  it('accepts assigned codes in any case, upper-cased', () => {
    expect(value(checkCountryCode('fr'))).toBe('FR');
    expect(value(checkCountryCode(' GB '))).toBe('GB');
  });

  it.each([
    ['EU', 'reserved'],
    ['UK', 'reserved'],
    ['SU', 'reserved'],
    ['AC', 'reserved'],
    ['XK', 'user-assigned'],
    ['QO', 'user-assigned'],
    ['ZZ', 'user-assigned'],
    ['JJ', 'not an assigned'],
    ['EUI', 'two letters'],
    ['F1', 'two letters'],
  ])('refuses %j (%s)', (input, expected) => {
    expect(reason(checkCountryCode(input))).toContain(expected);
  });

  it('knows exactly the 249 assigned ISO 3166-1 codes', () => {
    expect(ASSIGNED_COUNTRY_CODES.size).toBe(249);
  });
});

describe('countryCodeForName', () => {
  it.each([
    ['Germany', 'DE'],
    ['South Korea', 'KR'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['Czech Republic', 'CZ'],
    ["Côte d'Ivoire", 'CI'],
    ['Saint Barthélemy', 'BL'],
    ['the Netherlands', 'NL'],
    ['Bosnia and Herzegovina', 'BA'],
  ])('%s -> %s', (name, code) => {
    expect(countryCodeForName(name)).toBe(code);
  });

  it('does not guess unknown names', () => {
    expect(countryCodeForName('Narnia')).toBeUndefined();
    expect(countryCodeForName('European Union')).toBeUndefined();
  });
});

describe('checkLanguageCode', () => {
  it('accepts ISO 639-1 codes, lower-cased', () => {
    expect(value(checkLanguageCode('DE'))).toBe('de');
    expect(value(checkLanguageCode('sl'))).toBe('sl');
  });

  it.each(['deu', 'xx', 'iw', 'in', 'd'])('refuses %j', (input) => {
    expect(checkLanguageCode(input).ok).toBe(false);
  });

  it('knows the 184 ISO 639-1 codes in use', () => {
    expect(ISO_639_1_CODES.size).toBe(184);
  });
});

describe('checkRegistrarId', () => {
  it('accepts positive integers as numbers or digits', () => {
    expect(value(checkRegistrarId('292'))).toBe(292);
    expect(value(checkRegistrarId(9999))).toBe(9999);
  });

  it.each(['0', '-1', '1.5', 'abc', '', '99999999999', '1e3'])('refuses %j', (input) => {
    expect(reason(checkRegistrarId(input))).toBe('must be a positive integer');
  });

  it('refuses non-integer numbers', () => {
    expect(checkRegistrarId(2.5).ok).toBe(false);
    expect(checkRegistrarId(Number.NaN).ok).toBe(false);
  });
});

describe('checkPgpFingerprint', () => {
  it('removes spaces and upper-cases 40 or 64 hex digits', () => {
    expect(value(checkPgpFingerprint('7f4c 8fa6 A356 D1CC 2E5C  AB09 5416 33B8 1B45 CF2A'))).toBe(
      '7F4C8FA6A356D1CC2E5CAB09541633B81B45CF2A',
    );
    expect(value(checkPgpFingerprint('ab'.repeat(32)))).toBe('AB'.repeat(32));
  });

  it.each([
    ['0xDF0EF160', 'hexadecimal'],
    ['DF0EF160', '40 or 64'],
    ['G'.repeat(40), 'hexadecimal'],
  ])('refuses %j', (input, expected) => {
    expect(reason(checkPgpFingerprint(input))).toContain(expected);
  });
});

describe('checkTimeZone', () => {
  it('accepts IANA names in canonical case', () => {
    expect(value(checkTimeZone('Europe/Paris'))).toBe('Europe/Paris');
    expect(value(checkTimeZone('europe/paris'))).toBe('Europe/Paris');
    expect(value(checkTimeZone('UTC'))).toBe('UTC');
  });

  it.each(['+01:00', 'Mars/Olympus_Mons', '', 'Europe/Paris; DROP TABLE'])('refuses %j', (input) => {
    expect(checkTimeZone(input).ok).toBe(false);
  });
});
