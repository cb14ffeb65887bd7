import { FixedClock } from '@roastery/clock';
import type { DataSource, EntityManager } from 'typeorm';
import { InvalidNoticeError, NotificationsService } from './notifications.service';

describe('NotificationsService.notify', () => {
  const clock = new FixedClock('2026-11-21T00:00:00.000Z');
  const service = new NotificationsService({} as DataSource, clock);
  const data = { subscriptionId: 's-1', itemName: '케냐 AA', billingDate: '2026-11-24', amountWon: 31_500 };

  function fakeEm() {
    const query = jest.fn().mockResolvedValue([]);
    return { em: { query } as unknown as EntityManager, query };
  }

  it("inserts in the caller's manager, once per dedupe key, stamped by the clock", async () => {
    const { em, query } = fakeEm();
    await service.notify(em, { accountId: 'a-1', kind: 'PRE_CHARGE', dedupeKey: 'PRE_CHARGE:s-1:2026-11-24', data });
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0] as [string, unknown[]];
    expect(sql).toContain('ON CONFLICT (dedupe_key) DO NOTHING');
    expect(params.slice(1)).toEqual(['a-1', 'PRE_CHARGE', JSON.stringify(data), 'PRE_CHARGE:s-1:2026-11-24', clock.now()]);
    // A v7 id carries the clock's millisecond, so ids sort like created_at.
    expect((params[0] as string).replace(/-/g, '').slice(0, 12)).toBe(clock.now().getTime().toString(16).padStart(12, '0'));
  });

  it.each([
    ['a fractional amount', { ...data, amountWon: 1.5 }],
    ['a negative amount', { ...data, amountWon: -1 }],
    ['an impossible date', { ...data, billingDate: '2026-02-30' }],
    ['an unknown field', { ...data, note: 'x' }],
    ['a missing field', { ...data, itemName: undefined }],
  ])('refuses %s without touching the database', async (_what, bad) => {
    const { em, query } = fakeEm();
    await expect(service.notify(em, { accountId: 'a-1', kind: 'PRE_CHARGE', dedupeKey: 'k', data: bad as typeof data })).rejects.toBeInstanceOf(InvalidNoticeError);
    expect(query).not.toHaveBeenCalled();
  });
});
