import type { UserServiceConfig } from '../config';

/**
 * How the browser opens Toss's billing-auth window. With a client key the web uses the real Toss
 * SDK; without one (development, tests, demos) it goes to the sandbox's card form.
 */
export class TossWindow {
  private constructor(
    readonly provider: 'sandbox' | 'toss',
    readonly windowUrl: string | null,
    readonly clientKey: string | null,
  ) {}

  static fromConfig(config: Pick<UserServiceConfig, 'TOSS_CLIENT_KEY' | 'TOSS_WINDOW_URL' | 'TOSS_API_URL'>): TossWindow {
    if (config.TOSS_CLIENT_KEY) return new TossWindow('toss', null, config.TOSS_CLIENT_KEY);
    const base = (config.TOSS_WINDOW_URL ?? config.TOSS_API_URL).replace(/\/+$/, '');
    return new TossWindow('sandbox', `${base}/window/billing-auth`, null);
  }
}
