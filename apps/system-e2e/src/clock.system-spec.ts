import { HttpClient, waitFor } from '@roastery/testing';
import { adminToken, api } from './support/api';

describe('one platform clock (sandbox mode)', () => {
  it('an admin moves it forward and the Toss sandbox, a separate process, follows', async () => {
    const admin = await adminToken();
    const sandbox = new HttpClient(process.env['E2E_SANDBOX_URL'] ?? '');
    const before = await api.admin.get('/admin/clock', { token: admin });
    const target = new Date(Date.parse(before.body.now) + 14 * 86_400_000);

    const set = await api.admin.post('/admin/clock', { now: target.toISOString() }, { token: admin });
    expect(set.status).toBe(200);

    const seen = await waitFor(async () => {
      const r = await sandbox.get('/sandbox/clock');
      return Date.parse(r.body.now) >= target.getTime() ? r.body.now : undefined;
    }, 'the sandbox to follow the clock');
    expect(Date.parse(seen) - target.getTime()).toBeLessThan(60_000);

    const back = await api.admin.post('/admin/clock', { now: before.body.now }, { token: admin });
    expect(back.status).toBe(409);
  });
});
