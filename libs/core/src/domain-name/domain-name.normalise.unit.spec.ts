import { InvalidInputError } from '../errors/domain-error';
import type { DomainName } from './domain-name';
import { normaliseDomain, normaliseUrl } from './domain-name.normalise';

/** Runs `parse` expecting BAD_USER_INPUT, and returns the error for message checks. */
function invalidInput(parse: () => unknown): InvalidInputError {
  let thrown: unknown;
  try {
    parse();
  } catch (error: unknown) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidInputError);
  const error = thrown as InvalidInputError;
  expect(error.code).toBe('BAD_USER_INPUT');
  return error;
}

const label = (char: string, length = 63): string => char.repeat(length);
/** 63+1+63+1+63+1+57+4 = 253 characters, the longest name DNS allows. */
const longest = `${label('a')}.${label('b')}.${label('c')}.${label('d', 57)}.com`;

describe('normaliseDomain accepts', () => {
  const ascii = (name: string, registrableDomain: string, publicSuffix: string, isPrivateSuffix = false) => ({
    name,
    unicode: name,
    registrableDomain,
    publicSuffix,
    isPrivateSuffix,
    tld: publicSuffix.split('.').pop(),
  });

  it.each<[string, DomainName | ReturnType<typeof ascii>]>([
    ['EXAMPLE.COM.', ascii('example.com', 'example.com', 'com')],
    ['  Example.com\t', ascii('example.com', 'example.com', 'com')],
    ['foo.bar.co.uk', ascii('foo.bar.co.uk', 'bar.co.uk', 'co.uk')],
    ['site.workers.dev', ascii('site.workers.dev', 'site.workers.dev', 'workers.dev', true)],
    ['x.github.io', ascii('x.github.io', 'x.github.io', 'github.io', true)],
    // A platform's own name is its own registrable domain, and still the platform's to act on.
    ['workers.dev', ascii('workers.dev', 'workers.dev', 'workers.dev', true)],
    ['GitHub.io.', ascii('github.io', 'github.io', 'github.io', true)],
    ['_dmarc.example.com', ascii('_dmarc.example.com', 'example.com', 'com')],
    ['_sip._tcp.example.com', ascii('_sip._tcp.example.com', 'example.com', 'com')],
    ['www.ck', ascii('www.ck', 'www.ck', 'ck')],
    ['a.b.ck', ascii('a.b.ck', 'a.b.ck', 'b.ck')],
    [`${label('x')}.com`, ascii(`${label('x')}.com`, `${label('x')}.com`, 'com')],
    [longest, ascii(longest, `${label('d', 57)}.com`, 'com')],
    ['xn--bcher-kva.de', { ...ascii('xn--bcher-kva.de', 'xn--bcher-kva.de', 'de'), unicode: 'bücher.de' }],
  ])('%s', (input, expected) => {
    expect(normaliseDomain(input)).toEqual(expected);
  });

  it.each<[string, DomainName]>([
    [
      'bücher.de',
      {
        name: 'xn--bcher-kva.de',
        unicode: 'bücher.de',
        registrableDomain: 'xn--bcher-kva.de',
        publicSuffix: 'de',
        isPrivateSuffix: false,
        tld: 'de',
      },
    ],
    [
      'WWW.BÜCHER.DE.',
      {
        name: 'www.xn--bcher-kva.de',
        unicode: 'www.bücher.de',
        registrableDomain: 'xn--bcher-kva.de',
        publicSuffix: 'de',
        isPrivateSuffix: false,
        tld: 'de',
      },
    ],
    [
      'пример.рф',
      {
        name: 'xn--e1afmkfd.xn--p1ai',
        unicode: 'пример.рф',
        registrableDomain: 'xn--e1afmkfd.xn--p1ai',
        publicSuffix: 'xn--p1ai',
        isPrivateSuffix: false,
        tld: 'xn--p1ai',
      },
    ],
    [
      'faß.de',
      {
        name: 'xn--fa-hia.de',
        unicode: 'faß.de',
        registrableDomain: 'xn--fa-hia.de',
        publicSuffix: 'de',
        isPrivateSuffix: false,
        tld: 'de',
      },
    ],
  ])('internationalised %s as its A-label', (input, expected) => {
    expect(normaliseDomain(input)).toEqual(expected);
  });
});

describe('normaliseDomain refuses', () => {
  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['exa mple.com', 'must not contain spaces'],
    ['a..b.com', 'empty label'],
    ['.example.com', 'empty label'],
    ['example.com..', 'empty label'],
    [`${label('x', 64)}.com`, 'longer than 63'],
    [`${label('e', 1)}${longest}`, 'at most 253'],
    ['-bad-.com', 'hyphen'],
    ['bad-.com', 'hyphen'],
    ['www.-bad.com', 'hyphen'],
    ['ex!ample.com', 'must not contain "!"'],
    ['ex%41mple.com', 'must not contain "%"'],
    ['example.com/path', 'must not contain "/"'],
    ['user@example.com', 'must not contain "@"'],
    ['example.com:443', 'must not contain ":"'],
    ['ex_ample.com', 'must not contain "_"'],
    ['_dmarc.com', 'must not contain "_"'],
    ['www.ex_ample.co.uk', 'must not contain "_"'],
    ['1.2.3.4', 'IP address'],
    ['::1', 'IP address'],
    ['[2001:db8::1]', 'IP address'],
    ['123.456', 'IP address'],
    ['0x7f.1', 'IP address'],
    ['com', 'is a top-level domain, not a registrable domain'],
    ['COM.', 'is a top-level domain'],
    ['co.uk', 'public suffix (co.uk)'],
    ['s3.amazonaws.com', 'public suffix (s3.amazonaws.com)'],
    ['b.ck', 'public suffix (b.ck)'],
    ['example.notarealtld', '".notarealtld" is not in the Public Suffix List'],
    // Reserved for documentation (RFC 2606), so no registry and no PSL entry: nothing to route to.
    ['bücher.example', '".example" is not in the Public Suffix List'],
    ['localhost', 'not in the Public Suffix List'],
    ['example.123', 'not a valid domain name'],
    ['xn--zz.com', 'not a valid domain name'],
    ['http://example.com', 'is a URL'],
  ])('%j (%s)', (input, reason) => {
    const error = invalidInput(() => normaliseDomain(input));
    expect(error.message).toContain(reason);
    expect(error.message).toContain(JSON.stringify(input).slice(0, 100));
    expect(error.field).toBe('domain');
  });

  it('names the field it was given', () => {
    const error = invalidInput(() => normaliseDomain('com', 'domains'));
    expect(error.message).toMatch(/^domains: /);
    expect(error.details).toEqual({ field: 'domains' });
  });
});

describe('normaliseUrl', () => {
  it.each([
    ['HTTP://Login-PayPa1.COM./signin?x=1#top', 'http://login-paypa1.com/signin?x=1#top'],
    ['  https://example.com  ', 'https://example.com/'],
    ['https://bücher.de/äpfel', 'https://xn--bcher-kva.de/%C3%A4pfel'],
    ['https://site.workers.dev/a b', 'https://site.workers.dev/a%20b'],
    ['http://192.0.2.1:8080/payload.exe', 'http://192.0.2.1:8080/payload.exe'],
    ['http://[2001:DB8::1]/', 'http://[2001:db8::1]/'],
    ['http://user:pw@evil.com/', 'http://user:pw@evil.com/'],
  ])('normalises %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'must not be empty'],
    ['example.com/login', 'not a valid absolute URL'],
    ['http://exa mple.com/', 'not a valid absolute URL'],
    ['ftp://example.com/file', 'scheme "ftp" is not allowed'],
    ['javascript:alert(1)', 'scheme "javascript" is not allowed'],
    ['http://example.notarealtld/', 'host "example.notarealtld"'],
    ['https://co.uk/', 'not a registrable domain'],
    ['http://ex_ample.com/', 'must not contain "_"'],
    [`https://example.com/${'a'.repeat(2048)}`, 'at most 2048 characters'],
    [`https://example.com/${'ä'.repeat(700)}`, 'once normalised'],
  ])('refuses %s (%s)', (input, reason) => {
    const error = invalidInput(() => normaliseUrl(input));
    expect(error.message).toContain(reason);
    expect(error.message).toContain(JSON.stringify(input).slice(0, 100));
    expect(error.field).toBe('urls');
  });
});
