import { adminToken } from '../support/api';
import { newSubscriberWithCard, type TestSubscriber } from '../support/billing';
import { adminPayment, paidOrder, partnerOrder, paymentKeyOf, poll, routed, sandboxPaymentByKey, subscriberOrder } from '../support/fulfilment';
import { newApprovedCoffee, newPartner, type TestCoffee, type TestPartner } from '../support/partners';
import { eventually, reloadWith, required, signIn, visible } from './journey-helpers';
import { screenshot, useBrowser } from './launch-browser';

/**
 * Issue 6 in the browser, against the whole stack. Paid orders are made over HTTP (real
 * subscriptions charged at the toss-sandbox); everything after payment happens on the pages:
 * (a) the roaster ships from /studio/orders (bulk ship) and marks the parcel delivered, the
 *     subscriber follows the tracking on /me/orders/:id and confirms the purchase;
 * (b) the subscriber cancels an unshipped order and sees it refunded, the admin finds the refund on
 *     /backoffice/payments and refunds part of another order through the refund dialog.
 */

const WEB_URL = required('E2E_WEB_URL');
const ADMIN = { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') };
/** newSubscriber (support/api.ts) signs every account up with this password, partners included. */
const PARTNER_PASSWORD = 'system-test-password';

describe('fulfilment and refunds in the browser', () => {
  const { newPage, pageErrors, screenshotAll } = useBrowser({ baseURL: WEB_URL, locale: 'ko-KR' });
  const run = Math.random().toString(36).slice(2, 8);
  let partner: TestPartner;
  let coffee: TestCoffee;
  let me: TestSubscriber;

  beforeAll(async () => {
    partner = await newPartner(`fulfil-web-${run}`, `브라우저 로스터스 ${run}`);
    coffee = await newApprovedCoffee(partner, `Browser Fulfil ${run}`, [{ priceWon: 18_000, stock: 50 }]);
    me = await newSubscriberWithCard(`fulfil-web-sub-${run}`);
  }, 120_000);

  it('(a) ship → delivered → confirm: bulk ship in the studio, tracking on My page, purchase confirmed', async () => {
    try {
      const o = await paidOrder(me, coffee, 2);
      const po = await routed(partner, o.orderId);
      const tracking = '5512-3344-7788';

      // The roaster: the order waits in the queue; mark it prepared, tick it, ship it with a tracking number.
      const studio = await newPage();
      await signIn(studio, partner.email, PARTNER_PASSWORD);
      await studio.goto('/studio/orders');
      const row = studio.locator(`[data-testid="queue-order"][data-order-id="${po.id}"]`);
      await reloadWith(studio, 'studio-orders-reload', 'the paid order in the queue', () => visible(row));
      expect(await studio.locator('[data-testid="demand-total"] [data-testid="demand-row"]').count()).toBeGreaterThan(0);
      await screenshot(studio, 'fulfil-a-01-studio-queue');
      await row.getByTestId('order-prepare').click();
      await studio.locator(`[data-testid="queue-order"][data-order-id="${po.id}"][data-status="PREPARING"]`).waitFor();
      await row.getByTestId('queue-order-select').check();
      const shipRow = studio.locator(`[data-testid="bulk-ship-row"][data-order-id="${po.id}"]`);
      await shipRow.waitFor();
      expect(await studio.getByTestId('bulk-ship-row').count()).toBe(1);
      await shipRow.getByTestId('bulk-carrier').fill('CJ대한통운');
      await shipRow.getByTestId('bulk-tracking').fill(tracking);
      await screenshot(studio, 'fulfil-a-02-bulk-ship-form');
      await studio.getByTestId('bulk-ship-submit').click();
      const result = studio.getByTestId('bulk-ship-result');
      await result.waitFor();
      expect(await result.textContent()).toContain('1 shipped');
      const shippedRow = studio.locator(`[data-testid="shipped-order"][data-order-id="${po.id}"]`);
      await reloadWith(studio, 'studio-orders-reload', 'the order among the shipped parcels', () => visible(shippedRow));
      expect(await shippedRow.textContent()).toContain('CJ대한통운 551233447788');
      await screenshot(studio, 'fulfil-a-03-shipped');

      // The subscriber sees the parcel on its way, with the tracking number.
      const sub = await newPage();
      await signIn(sub, me.email, me.password);
      await sub.goto(`/me/orders/${o.orderId}`);
      const afterSale = sub.getByTestId('order-after-sale');
      await reloadWith(sub, 'order-reload', 'SHIPPED on My page', async () => (await afterSale.getAttribute('data-state').catch(() => null)) === 'SHIPPED');
      const part = sub.locator('[data-testid="fulfilment-part"][data-status="SHIPPED"]');
      expect(await part.getByTestId('tracking').textContent()).toBe('CJ대한통운 551233447788');
      expect(await visible(sub.getByTestId('order-cancel'))).toBe(false);
      await screenshot(sub, 'fulfil-a-04-my-order-tracking');

      // The roaster marks it delivered.
      await shippedRow.getByTestId('order-deliver').click();
      await eventually('the parcel gone from the shipped list', async () => !(await visible(shippedRow)));
      await screenshot(studio, 'fulfil-a-05-delivered');

      // The subscriber sees it delivered and confirms the purchase.
      await reloadWith(sub, 'order-reload', 'DELIVERED on My page', async () => (await afterSale.getAttribute('data-state').catch(() => null)) === 'DELIVERED');
      await sub.locator('[data-testid="fulfilment-part"][data-status="DELIVERED"]').waitFor();
      await screenshot(sub, 'fulfil-a-06-my-order-delivered');
      await sub.getByTestId('order-confirm').click();
      await sub.locator('[data-testid="order-after-sale"][data-state="PURCHASE_CONFIRMED"]').waitFor();
      await sub.getByTestId('confirmed').waitFor();
      expect(await visible(sub.getByTestId('order-return'))).toBe(false);
      expect(await visible(sub.getByTestId('order-confirm'))).toBe(false);
      await screenshot(sub, 'fulfil-a-07-purchase-confirmed');

      // What the pages showed is what the services hold.
      const order = await subscriberOrder(me.token, o.orderId);
      expect(order.afterSale).toMatchObject({ state: 'PURCHASE_CONFIRMED', confirmedAutomatically: false, refundedWon: 0, refundableWon: 36_000 });
      expect(order.afterSale!.fulfilment.parts[0]).toMatchObject({ status: 'DELIVERED', carrier: 'CJ대한통운', trackingNumber: '551233447788' });
      expect((await partnerOrder(partner, o.orderId)).status).toBe('DELIVERED');
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshotAll('fulfil-a-failure');
      throw err;
    }
  }, 240_000);

  it('(b) cancel → refund: the subscriber cancels before shipping and sees the refund; the admin sees it and refunds part of another order', async () => {
    try {
      const toCancel = await paidOrder(me, coffee, 1); // 18,000 + 3,000 shipping
      const toRefund = await paidOrder(me, coffee, 2); // 36,000, free shipping
      expect(toCancel.totalWon).toBe(21_000);
      await routed(partner, toCancel.orderId);
      await routed(partner, toRefund.orderId);

      // The subscriber cancels on My page.
      const sub = await newPage();
      await signIn(sub, me.email, me.password);
      await sub.goto(`/me/orders/${toCancel.orderId}`);
      await sub.locator('[data-testid="order-after-sale"][data-state="PAID"]').waitFor();
      await sub.getByTestId('order-cancel').click();
      await sub.getByTestId('order-action-form').getByLabel('취소 사유').fill('주소를 잘못 입력했어요');
      await screenshot(sub, 'fulfil-b-01-cancel-form');
      await sub.getByTestId('order-action-submit').click();
      await sub.getByTestId('order-action-done').waitFor();
      const afterSale = sub.getByTestId('order-after-sale');
      await reloadWith(
        sub,
        'order-reload',
        'cancelled and refunded on My page',
        async () => (await afterSale.getAttribute('data-state').catch(() => null)) === 'CANCELLED' && (await visible(sub.locator('[data-testid="refund"][data-status="COMPLETED"]'))),
      );
      expect(await sub.locator('[data-testid="cancellation"]').getAttribute('data-status')).toBe('CANCELLED');
      expect(await sub.getByTestId('refunded-total').textContent()).toBe('₩21,000');
      expect(await visible(sub.getByTestId('order-cancel'))).toBe(false);
      await screenshot(sub, 'fulfil-b-02-cancelled-refunded');
      expect(await sandboxPaymentByKey(await paymentKeyOf(toCancel.orderId))).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });

      // The admin finds the refund in the payment history and the payment's detail.
      // admin-service learns of the refund from an event: wait for it there, then open the page once
      // (reloading a page in a loop races the web's session start-up on a busy machine).
      await poll('admin-service to know the refund', async () => (await adminPayment(toCancel.orderId, await adminToken())).status === 'REFUNDED');
      const admin = await newPage();
      await signIn(admin, ADMIN.email, ADMIN.password);
      await admin.goto(`/backoffice/payments?orderId=${toCancel.orderId}`);
      const refundedRow = admin.locator(`[data-testid="payment-row"][data-order-id="${toCancel.orderId}"][data-status="REFUNDED"]`);
      await refundedRow.waitFor({ timeout: 30_000 });
      await screenshot(admin, 'fulfil-b-03-backoffice-payments-refunded');
      await admin.goto(`/backoffice/payments/${toCancel.orderId}`);
      await admin.locator('[data-testid="refund-row"][data-status="COMPLETED"]').waitFor();
      expect(await admin.getByTestId('payment-balance').textContent()).toBe('₩0');
      expect(await admin.getByTestId('refund-open').isDisabled()).toBe(true);

      // A partial refund of the other order through the refund dialog.
      await poll('admin-service to know the second payment', async () => (await adminPayment(toRefund.orderId, await adminToken())).totalWon === 36_000);
      await admin.goto(`/backoffice/payments/${toRefund.orderId}`);
      await admin.getByTestId('payment-balance').waitFor();
      expect(await admin.getByTestId('payment-balance').textContent()).toBe('₩36,000');
      await admin.getByTestId('refund-open').click();
      const dialog = admin.getByTestId('refund-dialog');
      await dialog.getByLabel('환불 금액(원)').fill('12000');
      await dialog.getByLabel('환불 사유').fill('로스팅 일정 지연 보상');
      await screenshot(admin, 'fulfil-b-04-refund-dialog');
      await dialog.getByTestId('refund-submit').click();
      await eventually('the refund completed in the dialog', async () => (await dialog.getByTestId('refund-status').textContent().catch(() => '')) === '환불 완료');
      await screenshot(admin, 'fulfil-b-05-refund-completed');
      await dialog.getByRole('button', { name: '닫기' }).first().click();
      await eventually('the balance after the refund', async () => (await admin.getByTestId('payment-balance').textContent().catch(() => '')) === '₩24,000');
      expect(await admin.getByTestId('payment-status').textContent()).toBe('부분 환불');
      await screenshot(admin, 'fulfil-b-06-payment-after-refund');

      // The subscriber's order, admin-service and the sandbox agree to the won.
      const key = await paymentKeyOf(toRefund.orderId);
      const views = await poll('the three views to agree on 24,000', async () => {
        const [order, payment, atToss] = await Promise.all([subscriberOrder(me.token, toRefund.orderId), adminPayment(toRefund.orderId, await adminToken()), sandboxPaymentByKey(key)]);
        return order.afterSale?.refundableWon === 24_000 && payment.balanceWon === 24_000 && atToss.balanceAmount === 24_000 ? { order, payment, atToss } : undefined;
      });
      expect(views.atToss.status).toBe('PARTIAL_CANCELED');
      await sub.goto(`/me/orders/${toRefund.orderId}`);
      await sub.locator('[data-testid="refund"][data-status="COMPLETED"]').waitFor();
      expect(await sub.getByTestId('refunded-total').textContent()).toBe('₩12,000');
      await screenshot(sub, 'fulfil-b-07-my-order-partial-refund');
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshotAll('fulfil-b-failure');
      throw err;
    }
  }, 240_000);
});
