import { createTestApp, startBroker, stopBroker, type TestApp, waitFor } from '@roastery/testing';
import { createApp } from '../src/app';

// Stops the shared RabbitMQ node: runs in the serial chaos project, after everything else.
describe('/health tells the truth about RabbitMQ', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'user-health' });
  });
  afterAll(async () => {
    await startBroker();
    await t.close();
  });

  it('turns 503 naming the broker while it is down, and 200 again once the service has reconnected', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    await stopBroker();
    try {
      const down = await waitFor(async () => {
        const r = await t.http.get('/health');
        return r.status === 503 ? r.body : undefined;
      }, 'health to report the broker down');
      expect(down.status).toBe('degraded');
      expect(down.checks.rabbitmq).toMatch(/^down/);
      expect(down.checks.database).toBe('ok');
    } finally {
      await startBroker();
    }
    const up = await waitFor(async () => {
      const r = await t.http.get('/health');
      return r.status === 200 ? r.body : undefined;
    }, 'health to recover', 60_000);
    expect(up.checks.rabbitmq).toBe('ok');
  });
});
