/**
 * @jest-environment node
 */
import { ApiRequestError, apiRequest } from './apiClient';
import { detailsToFieldErrors, toProblem } from './problem';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('apiRequest', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  it('sends JSON with the bearer token and a query string, and returns the body', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [], page: 2, size: 20, total: 0 }));
    const page = await apiRequest('/admin/applications', { token: 'tkn', query: { status: 'PENDING', page: 2, empty: undefined } });
    expect(page).toEqual({ items: [], page: 2, size: 20, total: 0 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/admin/applications?status=PENDING&page=2');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tkn', Accept: 'application/json' });
  });

  it('posts a JSON body and accepts 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('/api/auth/logout', { method: 'POST', body: { refreshToken: 'r' } })).resolves.toBeUndefined();
    const [, init] = fetchMock.mock.calls[0];
    expect(init).toMatchObject({ method: 'POST', body: '{"refreshToken":"r"}' });
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('throws the ApiError body with its code, details and Retry-After', async () => {
    fetchMock.mockResolvedValue(
      json(429, { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many attempts' }, { 'Retry-After': '42' }),
    );
    const err = await apiRequest('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: 'Too many attempts', retryAfterSeconds: 42 });
  });

  it('turns a body-less 502 from the proxy into a readable error', async () => {
    fetchMock.mockResolvedValue(new Response('Bad Gateway', { status: 502 }));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 502, code: 'BAD_RESPONSE' });
  });

  it('reports an unreachable server as a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('problems', () => {
  it('keys VALIDATION_FAILED details by field, whatever the path style', () => {
    expect(
      detailsToFieldErrors([
        { path: 'email', message: 'invalid email' },
        { path: ['items', 0, 'qty'], message: 'too small' },
        { path: 'body.name', message: 'required' },
        { path: '/phone', message: 'must be a Korean phone number' },
        { path: 'email', message: 'second message is ignored' },
        { nonsense: true },
      ]),
    ).toEqual({
      email: 'Invalid email',
      'items.0.qty': 'Too small',
      name: 'Required',
      phone: 'Must be a Korean phone number',
    });
    expect(detailsToFieldErrors(undefined)).toEqual({});
  });

  it('field errors only come from VALIDATION_FAILED', () => {
    const conflict = new ApiRequestError(409, 'EMAIL_TAKEN', 'taken', [{ path: 'email', message: 'x' }]);
    expect(toProblem(conflict).fieldErrors).toEqual({});
    expect(toProblem(new Error('bug'))).toMatchObject({ code: 'UNEXPECTED', message: 'bug' });
  });
});
