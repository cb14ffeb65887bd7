import type { Page } from 'playwright-core';
import {
  accessToken,
  addAddressInBrowser,
  billingRun,
  eventually,
  hangulToken,
  http,
  moveClockTo,
  registerCardInBrowser,
  required,
  signIn,
  visible,
} from './journey-helpers';
import { screenshot, useBrowser } from './launch-browser';
import { newApprovedCoffee, newPartner } from '../support/partners';

/**
 * 정기배송 in the browser, against the whole stack and the shared test clock: a new subscriber
 * adds an address and a card (toss-sandbox window), subscribes from the item page and is charged;
 * the admin moves the clock and runs billing, and the orders page shows the renewal; the subscriber
 * skips, pauses and resumes on the subscription page; a renewal declined by the card shows as
 * retrying, and registering a new card recovers it at once.
 */

const WEB_URL = required('E2E_WEB_URL');
const SANDBOX_URL = required('E2E_SANDBOX_URL');
const ADMIN = { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Clicks 새로고침 until `check` holds (the engine and the saga finish within seconds). */
async function reloadUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  await eventually(what, async () => {
    if (await check()) return true;
    await page.getByTestId('subscription-reload').click();
    await page.waitForTimeout(500);
    return check();
  });
}

describe('정기배송 in the browser', () => {
  const { newPage, pageErrors, screenshotAll } = useBrowser({ baseURL: WEB_URL, locale: 'ko-KR' });

  it('subscribe from the item page, renew on the test clock, skip, pause and resume, and recover a declined renewal with a new card', async () => {
    const token = hangulToken();
    const coffeeName = `콜롬비아 우일라 ${token}`;
    const user = { name: '김하늘', email: `subscriber-${Date.now().toString(36)}${token.charCodeAt(0)}@e2e.roastery.test`, password: 'correct horse battery staple' };

    try {
      const roaster = await newPartner(`subs-web-roaster-${Date.now().toString(36)}`, `${coffeeName} 로스터리`);
      const coffee = await newApprovedCoffee(roaster, coffeeName, [{ priceWon: 18_000, stock: 40 }]);
      expect((await http(WEB_URL, 'POST', '/api/auth/signup', user)).status).toBe(201);
      const admin = await accessToken(WEB_URL, ADMIN.email, ADMIN.password);
      const page = await newPage();
      await signIn(page, user.email, user.password);

      // Set-up on My page: an address and a card through the sandbox window.
      await page.goto('/me/addresses');
      await addAddressInBrowser(page);
      await page.goto('/me/payment-methods');
      await page.getByTestId('no-cards').waitFor();
      await registerCardInBrowser(page, WEB_URL, SANDBOX_URL, '4330123412341234');

      // Subscribe from the item page: two bags every two weeks.
      await page.goto(`/items/${coffee.itemId}`);
      const form = page.getByTestId('subscribe-form');
      await form.waitFor();
      await page.getByTestId('subscribe-address').locator('option').first().waitFor({ state: 'attached' });
      await page.getByTestId('subscribe-card').locator('option').first().waitFor({ state: 'attached' });
      await page.getByTestId('subscribe-quantity').fill('2');
      await page.getByTestId('subscribe-interval-2').check();
      expect(await page.getByTestId('subscribe-total').textContent()).toBe('₩36,000');
      expect(await page.getByTestId('subscribe-terms-version').textContent()).toContain('정기결제 약관');
      await page.getByTestId('subscribe-consent').check();
      await screenshot(page, 'subs-01-item-subscribe-panel');
      await page.getByTestId('subscribe-submit').click();
      const result = page.locator('[data-testid="subscribe-result"][data-outcome="PAID"]');
      await result.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('subscribe-result-text').textContent()).toContain('₩36,000');
      await screenshot(page, 'subs-02-first-box-charged');

      // The subscription: next date, upcoming dates and the next box's preview.
      await page.getByTestId('subscribe-result-link').click();
      await page.waitForURL(/\/me\/subscriptions\/[0-9a-f-]{36}$/);
      const subscriptionUrl = page.url();
      const next = page.getByTestId('next-billing-date');
      await next.waitFor();
      const firstDue = (await next.getAttribute('data-date')) ?? '';
      expect(firstDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.getByTestId('upcoming-dates').locator('li').count()).toBe(4);
      expect(await page.getByTestId('preview-total').textContent()).toBe('₩36,000');
      expect(await page.getByTestId('preview-shipping').textContent()).toBe('무료');
      await screenshot(page, 'subs-03-subscription');

      // Two weeks later (admin: the test clock and a billing run): the orders page shows the second paid box.
      await moveClockTo(WEB_URL, admin, firstDue);
      await billingRun(WEB_URL, admin);
      await page.goto('/me');
      await page.getByTestId('link-orders').click();
      await page.waitForURL('**/me/orders');
      const renewal = page.locator('[data-testid="order-row"][data-cycle="1"][data-status="PAID"]');
      await eventually('the renewal on the orders page', async () => {
        if (await visible(renewal)) return true;
        await page.reload();
        await page.getByTestId('order-list').waitFor();
        return visible(renewal);
      });
      expect(await page.locator('[data-testid="order-row"][data-status="PAID"]').count()).toBe(2);
      await screenshot(page, 'subs-04-orders-renewed');
      await renewal.getByTestId('order-link').click();
      await page.locator('[data-testid="payment-attempt"][data-status="APPROVED"]').waitFor();

      // Skip the next box, then pause and resume, on the subscription page.
      await page.goto(subscriptionUrl);
      await reloadUntil(page, 'the next date after the renewal', async () => (await next.getAttribute('data-date')) === addDays(firstDue, 14));
      const skipped = addDays(firstDue, 14);
      await page.getByTestId('op-skip').click();
      await page.getByTestId('confirm-skip-confirm').click();
      await page.getByTestId('subscription-notice').waitFor();
      await eventually('the date after the skipped box', async () => (await next.getAttribute('data-date')) === addDays(skipped, 14));
      await page.getByTestId('op-pause').click();
      await page.locator('[data-testid="subscription-detail"][data-status="PAUSED"]').waitFor();
      await screenshot(page, 'subs-05-paused');
      await page.getByTestId('op-resume').click();
      await page.locator('[data-testid="subscription-detail"][data-status="ACTIVE"]').waitFor();
      await eventually('the cadence kept after resuming', async () => (await next.getAttribute('data-date')) === addDays(skipped, 14));
      await screenshot(page, 'subs-06-resumed');

      // Nothing is charged on the skipped date.
      await moveClockTo(WEB_URL, admin, skipped);
      await billingRun(WEB_URL, admin);

      // The card starts declining: the next renewal shows as retrying on a date.
      const subscriberToken = await accessToken(WEB_URL, user.email, user.password);
      const { customerKey } = (await http(WEB_URL, 'GET', '/api/payment-methods/setup', undefined, subscriberToken)).body as { customerKey: string };
      const scripted = await fetch(`${SANDBOX_URL}/sandbox/customers/${encodeURIComponent(customerKey)}/script`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ outcome: 'insufficient_funds' }),
      });
      expect(scripted.status).toBe(200);
      const declinedDue = addDays(skipped, 14);
      await moveClockTo(WEB_URL, admin, declinedDue);
      await billingRun(WEB_URL, admin);
      await page.goto(subscriptionUrl);
      const retrying = page.locator('[data-testid="open-box"][data-status="RETRY_SCHEDULED"]');
      await reloadUntil(page, 'the declined renewal shown as retrying', () => visible(retrying));
      expect(await page.getByTestId('open-box-text').textContent()).toContain('다시 시도합니다');
      await screenshot(page, 'subs-07-declined-retrying');

      // A new card: the open box is charged at once.
      await page.getByTestId('open-box-card-link').click();
      await page.waitForURL('**/me/payment-methods');
      await page.getByTestId('card-list').waitFor();
      await registerCardInBrowser(page, WEB_URL, SANDBOX_URL, '9490131234567890');
      await page.goto(subscriptionUrl);
      const paidRenewal = page.locator('[data-testid="box-row"][data-cycle="3"][data-status="PAID"]');
      await reloadUntil(page, 'the declined box paid with the new card', async () => !(await visible(page.getByTestId('open-box'))) && (await visible(paidRenewal)));
      expect(await next.getAttribute('data-date')).toBe(addDays(declinedDue, 14));
      await screenshot(page, 'subs-08-recovered-with-new-card');

      // The box's payment attempts: declined on the old card, approved on the new one.
      await paidRenewal.getByRole('link').click();
      await page.getByTestId('order-detail').waitFor();
      const attempts = await page.getByTestId('payment-attempt').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      expect(attempts).toEqual(['DECLINED', 'APPROVED']);
      await screenshot(page, 'subs-09-order-attempts');
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshotAll('subs-failure');
      throw err;
    }
  }, 300_000);
});
