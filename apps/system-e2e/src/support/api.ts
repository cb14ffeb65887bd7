import { HttpClient } from '@roastery/testing';

function published(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the system tests through their jest config (global setup)`);
  return value;
}

/** HTTP clients for each running service, from the URLs the global setup published. */
export const api = {
  user: new HttpClient(published('E2E_USER_URL')),
  business: new HttpClient(published('E2E_BUSINESS_URL')),
  admin: new HttpClient(published('E2E_ADMIN_URL')),
};

/** Signs up a fresh subscriber and signs in. */
export async function newSubscriber(tag: string): Promise<{ email: string; password: string; accessToken: string; refreshToken: string; id: string }> {
  const email = `${tag}-${Math.random().toString(36).slice(2, 9)}@example.com`;
  const password = 'system-test-password';
  const signup = await api.user.post('/api/auth/signup', { email, password, name: '테스트 사용자' });
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  const login = await api.user.post('/api/auth/login', { email, password });
  return { email, password, id: signup.body.id, ...login.body };
}

/** Signs in the admin the global setup created. */
export async function adminToken(): Promise<string> {
  const login = await api.user.post('/api/auth/login', { email: process.env['E2E_ADMIN_EMAIL'], password: process.env['E2E_ADMIN_PASSWORD'] });
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
  return login.body.accessToken;
}
