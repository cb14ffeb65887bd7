import { formatKst, formatKstWebhook, kstDate, parseKstLocal } from './kst';

describe('KST formatting', () => {
  const instant = new Date('2022-06-08T06:40:49.123Z');

  it('formats API timestamps with +09:00 and webhook createdAt without an offset', () => {
    expect(formatKst(instant)).toBe('2022-06-08T15:40:49+09:00');
    expect(formatKstWebhook(instant)).toBe('2022-06-08T15:40:49.123000');
    expect(kstDate(new Date('2022-06-08T15:30:00Z'))).toBe('2022-06-09');
  });

  it('parses zone-less query times as KST and refuses zones and impossible dates', () => {
    expect(parseKstLocal('2022-06-08T15:40:49')?.toISOString()).toBe('2022-06-08T06:40:49.000Z');
    expect(parseKstLocal('2022-06-08')?.toISOString()).toBe('2022-06-07T15:00:00.000Z');
    expect(parseKstLocal('2022-06-08T15:40:49Z')).toBeUndefined();
    expect(parseKstLocal('2022-02-30')).toBeUndefined();
  });
});
