import type { Page } from 'playwright-core';
import { http, required, signIn } from './journey-helpers';
import { screenshot, useBrowser } from './launch-browser';

/**
 * My page → 배송지 and 결제 수단 in the browser, against the whole stack: a new subscriber adds a
 * shipping address, registers a card through the toss-sandbox's billing-auth window (a real
 * redirect to the sandbox's own origin and back to the callback page), sees it masked and default,
 * registers a second card, makes it the default and deletes the first. A card the card company
 * refuses comes back through the failUrl: its message is shown and no card is added.
 */

const WEB_URL = required('E2E_WEB_URL');
const SANDBOX_URL = required('E2E_SANDBOX_URL');

/** Approves (the Toss docs' sample card); 현대. */
const APPROVING_CARD = '4330123412341234';
/** Any other BIN approves too; 949013 is KB국민. */
const SECOND_CARD = '9490131234567890';
/** Refused by the card company at registration (REJECT_CARD_COMPANY through the failUrl). */
const REFUSED_CARD = '4330120000009001';

/** Fills the sandbox's card form (test mode: any future expiry, a 6-digit birth date, OTP 000000). */
async function fillCardWindow(page: Page, cardNumber: string): Promise<void> {
  await page.waitForURL(`${SANDBOX_URL}/window/billing-auth?**`);
  await page.locator('#cardNumber').fill(cardNumber);
  await page.locator('#expirationMonth').fill('12');
  await page.locator('#expirationYear').fill('30');
  await page.locator('#identityNumber').fill('900101');
  await page.locator('#otp').fill('000000');
}

async function registerCard(page: Page, cardNumber: string, shot?: string): Promise<void> {
  await page.getByTestId('register-card').click();
  await fillCardWindow(page, cardNumber);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: '등록', exact: true }).click();
  await page.waitForURL(`${WEB_URL}/me/payment-methods`);
}

describe('addresses and payment methods in the browser', () => {
  const { newPage, pageErrors, screenshotAll } = useBrowser({ baseURL: WEB_URL });

  it('a subscriber adds an address, registers two cards, switches the default, deletes one, and a refused card adds nothing', async () => {
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const user = { name: '김하늘', email: `card-holder-${suffix}@e2e.roastery.test`, password: 'correct horse battery staple' };
    const signup = await http(WEB_URL, 'POST', '/api/auth/signup', user);
    expect(signup.status).toBe(201);
    const page = await newPage();

    try {
      await signIn(page, user.email, user.password);

      // 배송지: the first address becomes the default.
      await page.getByTestId('link-addresses').click();
      await page.waitForURL('**/me/addresses');
      await page.getByTestId('address-form').waitFor();
      await page.getByLabel('Label').fill('집');
      await page.getByLabel('Phone').fill('010-1234-5678');
      await page.getByLabel('Postal code').fill('04524');
      await page.getByLabel('Street address').fill('서울 중구 세종대로 110');
      await page.getByLabel('Address details').fill('3층');
      await page.getByTestId('address-submit').click();
      const address = page.getByTestId('address-card');
      await address.filter({ hasText: '서울 중구 세종대로 110' }).getByTestId('default-badge').waitFor();
      expect(await address.count()).toBe(1);
      expect(await address.first().textContent()).toContain('010-1234-5678');
      await screenshot(page, 'pm-01-address');

      // 결제 수단: the first card, through the sandbox window.
      await page.getByRole('link', { name: 'My page' }).first().click();
      await page.getByTestId('link-payment-methods').click();
      await page.waitForURL('**/me/payment-methods');
      await page.getByTestId('no-cards').waitFor();
      await registerCard(page, APPROVING_CARD, 'pm-02-sandbox-window');
      await page.locator('[data-testid="registration-notice"][data-status="registered"]').waitFor();
      const rows = page.getByTestId('card-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      const first = rows.filter({ hasText: '43301234****' });
      expect(await first.getByTestId('card-number').textContent()).toMatch(/^43301234\*{4}\d*\*$/);
      expect(await first.getAttribute('data-default')).toBe('true');
      await first.getByTestId('default-badge').waitFor();
      // The authKey left the address bar (the callback replaced itself).
      expect(page.url()).toBe(`${WEB_URL}/me/payment-methods`);
      await screenshot(page, 'pm-03-first-card');

      // A second card; then it becomes the default.
      await registerCard(page, SECOND_CARD);
      await page.locator('[data-testid="registration-notice"][data-status="registered"]').waitFor();
      const second = rows.filter({ hasText: '94901312****' });
      await second.waitFor();
      expect(await rows.count()).toBe(2);
      expect(await second.getAttribute('data-default')).toBe('false');
      await second.getByTestId('make-default').click();
      await page.locator('[data-testid="card-row"][data-default="true"]').filter({ hasText: '94901312****' }).waitFor();
      expect(await first.getAttribute('data-default')).toBe('false');
      await screenshot(page, 'pm-04-second-default');

      // Delete the first card (after confirming).
      await first.getByTestId('delete-card').click();
      await page.getByTestId('confirm-delete-card-confirm').click();
      await first.waitFor({ state: 'detached' });
      expect(await rows.count()).toBe(1);
      expect(await second.getAttribute('data-default')).toBe('true');

      // A refused card: the window goes to the failUrl, the message shows, no card is added.
      await registerCard(page, REFUSED_CARD);
      const refused = page.locator('[data-testid="registration-notice"][data-status="failed"]');
      await refused.waitFor();
      expect(await refused.getAttribute('data-code')).toBe('REJECT_CARD_COMPANY');
      expect((await page.getByTestId('registration-error').textContent())?.trim()).not.toBe('');
      await page.getByTestId('card-list').waitFor();
      expect(await rows.count()).toBe(1);
      await screenshot(page, 'pm-05-refused-card');

      // The server agrees with what the page shows.
      await page.reload();
      await second.waitFor();
      expect(await rows.count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshotAll('pm-failure');
      throw err;
    }
  }, 180_000);
});
