import { DisabledRdap, offRdapPort } from './disabled-rdap.adapter';

describe('DisabledRdap', () => {
  it('answers disabled to every lookup', async () => {
    expect(await new DisabledRdap().lookupDomain('shop.example')).toEqual({ kind: 'disabled' });
    expect(await offRdapPort.lookupDomain('shop.example')).toEqual({ kind: 'disabled' });
  });
});
