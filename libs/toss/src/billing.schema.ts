import { z } from 'zod';

/** The Toss Billing object returned when a billing key is issued. */
export const tossBillingSchema = z.looseObject({
  mId: z.string().nullish(),
  customerKey: z.string(),
  authenticatedAt: z.string().nullish(),
  method: z.string().nullish(),
  billingKey: z.string(),
  card: z
    .looseObject({
      issuerCode: z.string().nullish(),
      acquirerCode: z.string().nullish(),
      number: z.string().nullish(),
      cardType: z.string().nullish(),
      ownerType: z.string().nullish(),
    })
    .nullish(),
  // Legacy top-level fields: still sent by API version 2022-11-16, removed from 2024-06-01.
  cardCompany: z.string().nullish(),
  cardNumber: z.string().nullish(),
});

/** A parsed Toss Billing object; `billingKey` is a secret the caller must store encrypted. */
export type TossBilling = z.infer<typeof tossBillingSchema>;
