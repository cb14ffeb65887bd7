import { browserLocation, callbackUrls, openBillingWindow, sandboxWindowUrl } from './billingWindow';
import { registrationIdempotencyKey } from './registrationKey';

describe('billing window', () => {
  it('opens the sandbox form with the customerKey and both callback URLs', () => {
    const url = new URL(sandboxWindowUrl('http://127.0.0.1:4103/window/billing-auth', 'cus_0123abcd', 'http://127.0.0.1:4104'));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4103/window/billing-auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      customerKey: 'cus_0123abcd',
      successUrl: 'http://127.0.0.1:4104/me/payment-methods/callback',
      failUrl: 'http://127.0.0.1:4104/me/payment-methods/callback?failed=1',
    });
  });

  it('navigates there for provider sandbox', async () => {
    const assign = jest.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    try {
      await openBillingWindow({ provider: 'sandbox', customerKey: 'cus_1', windowUrl: 'http://sandbox.test/window/billing-auth', clientKey: null }, 'http://web.test');
      expect(assign).toHaveBeenCalledWith(
        'http://sandbox.test/window/billing-auth?customerKey=cus_1&successUrl=http%3A%2F%2Fweb.test%2Fme%2Fpayment-methods%2Fcallback&failUrl=http%3A%2F%2Fweb.test%2Fme%2Fpayment-methods%2Fcallback%3Ffailed%3D1',
      );
    } finally {
      assign.mockRestore();
    }
  });

  it('refuses a setup without a window URL or client key', async () => {
    await expect(openBillingWindow({ provider: 'sandbox', customerKey: 'cus_1', windowUrl: null, clientKey: null }, 'http://web.test')).rejects.toThrow(
      'not configured',
    );
    await expect(openBillingWindow({ provider: 'toss', customerKey: 'cus_1', windowUrl: null, clientKey: null }, 'http://web.test')).rejects.toThrow(
      'not configured',
    );
  });

  it('derives one idempotency key per authKey', () => {
    expect(callbackUrls('http://web.test').failUrl).toContain('failed=1');
    const key = registrationIdempotencyKey('bln_auth_1');
    expect(key).toMatch(/^card-registration-[0-9a-f]{16}$/);
    expect(registrationIdempotencyKey('bln_auth_1')).toBe(key);
    expect(registrationIdempotencyKey('bln_auth_2')).not.toBe(key);
  });
});
