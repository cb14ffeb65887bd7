import { mayChangeProducts, nextPartnerStatus } from './partner.rules';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('partner status events', () => {
  it('applies the first change and every newer one', () => {
    expect(nextPartnerStatus({ status: 'ACTIVE', statusChangedAt: null }, { to: 'SUSPENDED', at: t(1) })).toBe('SUSPENDED');
    expect(nextPartnerStatus({ status: 'SUSPENDED', statusChangedAt: t(1) }, { to: 'ACTIVE', at: t(2) })).toBe('ACTIVE');
  });

  it('ignores a repeat or a change older than the last one applied', () => {
    expect(nextPartnerStatus({ status: 'SUSPENDED', statusChangedAt: t(2) }, { to: 'SUSPENDED', at: t(2) })).toBeNull();
    expect(nextPartnerStatus({ status: 'ACTIVE', statusChangedAt: t(3) }, { to: 'SUSPENDED', at: t(2) })).toBeNull();
  });

  it('lets only active partners change products', () => {
    expect(mayChangeProducts('ACTIVE')).toBe(true);
    expect(mayChangeProducts('SUSPENDED')).toBe(false);
  });
});
