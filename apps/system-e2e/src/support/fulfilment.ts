import type { OrderDto } from '@roastery/contracts';
import { waitFor } from '@roastery/testing';
import { adminToken, api } from './api';
import { sandbox, type TestSubscriber } from './billing';
import type { TestCoffee, TestPartner } from './partners';

/**
 * After payment (issue 6): paid orders made through real subscriptions, the three views of one
 * payment (the subscriber's order, the admin's payment detail, the sandbox's payment), and polling
 * with a gentle interval (refunds of one payment are ~1 s apart, so there is no point in spinning).
 */

/** Any `test_sk_` key reads the sandbox's payments (Basic auth, key and an empty password). */
const SANDBOX_AUTH = `Basic ${Buffer.from('test_sk_system_e2e_fulfilment:').toString('base64')}`;

/** waitFor with the gentle interval and a longer default timeout; errors count as "not yet". */
export function poll<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 45_000, intervalMs = 250): Promise<T> {
  return waitFor(check, what, timeoutMs, intervalMs);
}

/** A paid first box: subscribes (201, first box PAID) and returns the order. */
export async function paidOrder(me: TestSubscriber, coffee: TestCoffee, quantity = 2, option = 0): Promise<{ orderId: string; subscriptionId: string; totalWon: number }> {
  const res = await api.user.post(
    '/api/subscriptions',
    { catalogItemId: coffee.itemId, optionId: coffee.optionIds[option], quantity, intervalWeeks: 4, addressId: me.addressId, paymentMethodId: me.cardId, agreeToRecurringPayment: true },
    { token: me.token },
  );
  if (res.status !== 201 || res.body.firstOrder?.status !== 'PAID') throw new Error(`subscription not paid: ${res.status} ${JSON.stringify(res.body)}`);
  return { orderId: res.body.firstOrder.id, subscriptionId: res.body.subscription.id, totalWon: res.body.firstOrder.totalWon };
}

/** The subscriber's GET /api/orders/:id. */
export async function subscriberOrder(token: string, orderId: string): Promise<OrderDto> {
  const res = await api.user.get(`/api/orders/${orderId}`, { token });
  if (res.status !== 200) throw new Error(`GET /api/orders/${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the subscriber's order satisfies `check`. */
export function orderWhen(token: string, orderId: string, what: string, check: (o: OrderDto) => boolean, timeoutMs = 45_000): Promise<OrderDto> {
  return poll(what, async () => {
    const o = await subscriberOrder(token, orderId);
    return check(o) ? o : undefined;
  }, timeoutMs);
}

/** The partner's view of its part of an order (business-service accepts user-service's order id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function partnerOrder(partner: TestPartner, orderId: string): Promise<any> {
  const res = await api.business.get(`/partner/orders/${orderId}`, { token: partner.accessToken });
  if (res.status !== 200) throw new Error(`GET /partner/orders/${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the order is routed to the partner (and in its fulfilment queue when `inQueue`). */
export function routed(partner: TestPartner, orderId: string): Promise<{ id: string; status: string; totalWon: number }> {
  return poll(`order ${orderId} routed to the partner`, async () => {
    const res = await api.business.get(`/partner/orders/${orderId}`, { token: partner.accessToken });
    return res.status === 200 ? res.body : undefined;
  });
}

/** The admin's payment detail (admin-service's read model). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function adminPayment(orderId: string, token?: string): Promise<any> {
  const res = await api.admin.get(`/admin/payments/${orderId}`, { token: token ?? (await adminToken()) });
  if (res.status !== 200) throw new Error(`GET /admin/payments/${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The sandbox's payment, looked up by paymentKey like a merchant would: `GET /v1/payments/{paymentKey}`. */
export async function sandboxPaymentByKey(paymentKey: string): Promise<{ status: string; totalAmount: number; balanceAmount: number; cancels: { cancelAmount: number; transactionKey: string }[] | null }> {
  const res = await sandbox.get(`/v1/payments/${encodeURIComponent(paymentKey)}`, { headers: { authorization: SANDBOX_AUTH } });
  if (res.status !== 200) throw new Error(`sandbox lookup of ${paymentKey}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The payment's key, once admin-service has heard of the payment (order.paid carries it). */
export async function paymentKeyOf(orderId: string): Promise<string> {
  const admin = await adminToken();
  return poll(`the paymentKey of ${orderId} in admin-service`, async () => {
    const res = await api.admin.get(`/admin/payments/${orderId}`, { token: admin });
    return res.status === 200 && res.body.paymentKey ? (res.body.paymentKey as string) : undefined;
  });
}

/** Stock on hand of one option, as its partner sees it. */
export async function stockOf(partner: TestPartner, productId: string, optionId: string): Promise<number> {
  const res = await api.business.get(`/partner/products/${productId}`, { token: partner.accessToken });
  if (res.status !== 200) throw new Error(`GET /partner/products/${productId}: ${res.status}`);
  const option = (res.body.current.options as { id: string; stock: number }[]).find((o) => o.id === optionId);
  if (!option) throw new Error(`option ${optionId} not on product ${productId}`);
  return option.stock;
}

/** The Seoul calendar day of an instant (YYYY-MM-DD). */
export function seoulDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A valid tracking number (8–30 letters or digits) unique enough for one run. */
export function trackingNumber(): string {
  return `${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(-14).padStart(12, '6');
}
