import { SystemClock } from './clock';
import { createClock } from './create-clock';
import { FixedClock } from './fixed-clock';
import { SharedClock } from './shared-clock';

describe('FixedClock', () => {
  it('stands still until set or advanced', () => {
    const clock = new FixedClock('2025-03-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-03-01T00:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2025-03-01T00:01:00.000Z');
    clock.set(new Date('2025-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it by mutating the Date', () => {
    const clock = new FixedClock('2025-03-01T00:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2025);
  });
});

describe('createClock', () => {
  it('builds a system clock without Redis', () => {
    const clock = createClock('system');
    expect(clock).toBeInstanceOf(SystemClock);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('builds a shared clock with Redis and refuses to without', () => {
    const fakeRedis = {} as never;
    expect(createClock('shared', fakeRedis, { prefix: 'p:' })).toBeInstanceOf(SharedClock);
    expect(() => createClock('shared', null, { prefix: 'p:' })).toThrow(/Redis/);
  });
});
