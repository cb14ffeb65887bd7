import { z } from 'zod';

/**
 * Toss customerKey alphabet (TOSS.md): 2–50 of letters, digits and `-_=.@`. Ours are random
 * (`cus_` + 32 hex), never an id or an email.
 */
export const customerKeySchema = z.string().regex(/^[A-Za-z0-9\-_=.@]{2,50}$/, 'not a Toss customerKey');

/** POST /api/payment-methods: what the billing-auth window's successUrl carried back. */
export const registerPaymentMethodSchema = z.strictObject({
  authKey: z.string().trim().min(1).max(300),
  customerKey: customerKeySchema,
});
export type RegisterPaymentMethodRequest = z.infer<typeof registerPaymentMethodSchema>;

/** A saved card as its owner sees it: the company and the masked number, never the billing key. */
export interface PaymentMethodDto {
  id: string;
  /** Card company in Korean, e.g. `현대`, `신한`, `KB국민`. */
  cardCompany: string;
  /** As Toss masks it, e.g. `43301234****123*`. */
  maskedNumber: string;
  /** `신용` / `체크` / `기프트`, when Toss says. */
  cardType: string | null;
  /** `개인` / `법인`, when Toss says. */
  ownerType: string | null;
  isDefault: boolean;
  createdAt: string;
}

/**
 * GET /api/payment-methods/setup: how the web opens the billing-auth window for this account.
 * `sandbox`: go to `windowUrl?customerKey=&successUrl=&failUrl=` (the toss-sandbox's card form).
 * `toss`: load the Toss SDK with `clientKey` and call `requestBillingAuth` with the customerKey.
 */
export interface PaymentMethodSetupDto {
  customerKey: string;
  provider: 'sandbox' | 'toss';
  windowUrl: string | null;
  clientKey: string | null;
}
