import { queueNames, retryDelayMs, retryDelays } from './topology';

describe('topology naming and back-off', () => {
  it('names the queues of a service under its namespace', () => {
    const n = queueNames('prod', 'user-service');
    expect([n.exchange, n.queue, n.dlq, n.retryQueue(400)]).toEqual([
      'prod.events',
      'prod.user-service.events',
      'prod.user-service.events.dlq',
      'prod.user-service.events.retry.400',
    ]);
  });

  it('doubles the delay per attempt and needs one retry level fewer than attempts', () => {
    expect(retryDelayMs(1, 500)).toBe(500);
    expect(retryDelayMs(3, 500)).toBe(2000);
    expect(retryDelays(4, 500)).toEqual([500, 1000, 2000]);
    expect(retryDelays(1, 500)).toEqual([]);
  });
});
