import { isUuid, uuidV5, uuidV7 } from './ids';

describe('ids', () => {
  it('makes UUIDv7s that carry their time, version and variant, and sort by time', () => {
    const earlier = uuidV7(Date.UTC(2026, 10, 26, 9, 0, 0, 0));
    const later = uuidV7(Date.UTC(2026, 10, 26, 9, 0, 0, 1));
    for (const id of [earlier, later]) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect(parseInt(earlier.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 26, 9, 0, 0, 0));
    expect(earlier < later).toBe(true);
    expect(uuidV7(0)).not.toBe(uuidV7(0));
  });

  it('makes the RFC 9562 UUIDv5 of a name', () => {
    const dnsNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('www.example.com', dnsNamespace)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('www.example.org', dnsNamespace)).not.toBe(uuidV5('www.example.com', dnsNamespace));
  });
});
