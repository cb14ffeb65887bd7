import type { PaymentMethodSetupDto } from '@roastery/contracts';

/** Where the billing-auth window sends the browser back to (a page route, never an API path). */
export const CALLBACK_PATH = '/me/payment-methods/callback';

/** successUrl and failUrl for this origin; the failUrl is marked so the callback tells them apart. */
export function callbackUrls(origin: string): { successUrl: string; failUrl: string } {
  return { successUrl: `${origin}${CALLBACK_PATH}`, failUrl: `${origin}${CALLBACK_PATH}?failed=1` };
}

/** The toss-sandbox card form, opened with the query `requestBillingAuth` would pass. */
export function sandboxWindowUrl(windowUrl: string, customerKey: string, origin: string): string {
  const url = new URL(windowUrl);
  const { successUrl, failUrl } = callbackUrls(origin);
  url.searchParams.set('customerKey', customerKey);
  url.searchParams.set('successUrl', successUrl);
  url.searchParams.set('failUrl', failUrl);
  return url.toString();
}

/** The page's origin and a full-page navigation, behind functions so sagas can be tested without a browser. */
export const browserLocation = {
  origin: (): string => window.location.origin,
  assign: (url: string): void => window.location.assign(url),
};

/**
 * Opens the billing-auth window the setup names: the sandbox's form by navigating to it, or the
 * real Toss window through its SDK. Either way the browser comes back at the callback page.
 */
export async function openBillingWindow(setup: PaymentMethodSetupDto, origin: string): Promise<void> {
  if (setup.provider === 'sandbox') {
    if (!setup.windowUrl) throw new Error('The card registration window is not configured.');
    browserLocation.assign(sandboxWindowUrl(setup.windowUrl, setup.customerKey, origin));
    return;
  }
  if (!setup.clientKey) throw new Error('The card registration window is not configured.');
  // Loaded on demand: the SDK module (and Toss's script) only when a real Toss window is wanted.
  const { requestTossBillingAuth } = await import('./tossBillingAuth');
  await requestTossBillingAuth({ clientKey: setup.clientKey, customerKey: setup.customerKey, ...callbackUrls(origin) });
}
