import { z } from 'zod';
import { tossError } from '../common/toss-errors';

/** Toss's customerKey rule: 2–300 characters of letters, digits and `- _ = . @`. */
export const CUSTOMER_KEY_PATTERN = /^[A-Za-z0-9\-_=.@]{2,300}$/;
/** Toss's orderId rule: 6–64 characters of letters, digits, `-` and `_`. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

const won = z.number().int().min(0);

const chargeShape = z.looseObject({
  customerKey: z.string(),
  amount: z.number(),
  orderId: z.string(),
  orderName: z.string(),
  customerEmail: z.string().max(100).nullish(),
  customerName: z.string().max(100).nullish(),
  customerIp: z.string().nullish(),
  taxFreeAmount: won.nullish(),
  taxExemptionAmount: won.nullish(),
  cardInstallmentPlan: z.number().int().min(0).max(36).nullish(),
});

/** A validated billing charge body. */
export type ChargeRequest = z.infer<typeof chargeShape>;

/** Validates a charge body in Toss's order: shape, orderId, orderName, then amounts. */
export function parseChargeRequest(body: unknown): ChargeRequest {
  const parsed = chargeShape.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  const input = parsed.data;
  if (!ORDER_ID_PATTERN.test(input.orderId)) throw tossError('INVALID_ORDER_ID');
  if (input.orderName.length === 0 || input.orderName.length > 100) throw tossError('INVALID_ORDER_NAME');
  if (!Number.isInteger(input.amount)) throw tossError('INVALID_REQUEST', 'KRW 결제 금액은 정수여야 합니다.');
  if (input.amount < 100) throw tossError('BELOW_MINIMUM_AMOUNT');
  if ((input.taxFreeAmount ?? 0) + (input.taxExemptionAmount ?? 0) > input.amount) throw tossError('INVALID_REQUEST', '면세 금액이 결제 금액보다 클 수 없습니다.');
  // Installments start at 50,000 won (TOSS.md §2.6).
  if ((input.cardInstallmentPlan ?? 0) > 1 && input.amount < 50_000) throw tossError('INVALID_CARD_INSTALLMENT_PLAN');
  return input;
}

const issueShape = z.looseObject({ authKey: z.string().min(1).max(300), customerKey: z.string() });

/** Validates `POST /v1/billing/authorizations/issue`. */
export function parseIssueRequest(body: unknown): z.infer<typeof issueShape> {
  const parsed = issueShape.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  if (!CUSTOMER_KEY_PATTERN.test(parsed.data.customerKey)) throw tossError('INVALID_CUSTOMER_KEY');
  return parsed.data;
}

const cardShape = z.looseObject({
  customerKey: z.string(),
  cardNumber: z.string().max(20),
  cardExpirationYear: z.string(),
  cardExpirationMonth: z.string(),
  customerIdentityNumber: z.string(),
  cardPassword: z.string().nullish(),
  customerName: z.string().max(100).nullish(),
  customerEmail: z.string().max(100).nullish(),
});

/** A validated `POST /v1/billing/authorizations/card` body. */
export type CardRegistrationRequest = z.infer<typeof cardShape>;

/** Validates the raw-card issue body (the card checks themselves happen at registration). */
export function parseCardRequest(body: unknown): CardRegistrationRequest {
  const parsed = cardShape.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  if (!CUSTOMER_KEY_PATTERN.test(parsed.data.customerKey)) throw tossError('INVALID_CUSTOMER_KEY');
  return parsed.data;
}

/** The INVALID_REQUEST error listing what the body got wrong. */
export function invalidRequest(error: z.ZodError): Error {
  return tossError('INVALID_REQUEST', `잘못된 요청입니다: ${error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join(', ')}`);
}
