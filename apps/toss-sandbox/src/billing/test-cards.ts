import type { TossErrorCode } from '../common/toss-errors';

/** What a billing charge on a card does, chosen by the test card number or set through /sandbox. */
export const CARD_OUTCOMES = ['approve', 'insufficient_funds', 'stopped_card', 'expired_card', 'provider_error', 'very_slow', 'response_lost'] as const;
/** A scripted charge outcome. */
export type CardOutcome = (typeof CARD_OUTCOMES)[number];

/** The Toss error each declining outcome answers with. */
export const DECLINE_CODES: Partial<Record<CardOutcome, TossErrorCode>> = {
  insufficient_funds: 'REJECT_CARD_PAYMENT',
  stopped_card: 'INVALID_STOPPED_CARD',
  expired_card: 'INVALID_CARD_EXPIRATION',
  provider_error: 'PROVIDER_ERROR',
};

/** Test card numbers: the last four digits pick the outcome; any other number approves. */
export const TEST_CARDS = [
  { number: '4330123412341234', outcome: 'approve', description: 'approves every charge (the docs sample card)' },
  { number: '4330120000001001', outcome: 'insufficient_funds', description: '403 REJECT_CARD_PAYMENT (limit or balance)' },
  { number: '4330120000001002', outcome: 'stopped_card', description: '400 INVALID_STOPPED_CARD' },
  { number: '4330120000001003', outcome: 'expired_card', description: '400 INVALID_CARD_EXPIRATION' },
  { number: '4330120000001004', outcome: 'provider_error', description: '400 PROVIDER_ERROR (transient)' },
  { number: '4330120000001005', outcome: 'very_slow', description: 'approves after settings.slowChargeMs' },
  { number: '4330120000001006', outcome: 'response_lost', description: 'approves, then closes the connection without answering' },
  { number: '4330120000009001', outcome: 'registration_rejected', description: 'refused at registration (failUrl, REJECT_CARD_COMPANY)' },
] as const;

const BY_SUFFIX: Record<string, CardOutcome | 'registration_rejected'> = {
  '1001': 'insufficient_funds',
  '1002': 'stopped_card',
  '1003': 'expired_card',
  '1004': 'provider_error',
  '1005': 'very_slow',
  '1006': 'response_lost',
  '9001': 'registration_rejected',
};

/** A registered card as the sandbox keeps it: masked, never the full number. */
export interface StoredCard {
  number: string;
  issuerCode: string;
  acquirerCode: string;
  company: string;
  cardType: string;
  ownerType: string;
  outcome: CardOutcome;
}

// A few real BINs; in test mode Toss checks only the BIN, so unknown BINs are accepted as BC cards.
const BINS: Record<string, { issuerCode: string; acquirerCode: string; company: string }> = {
  '433012': { issuerCode: '61', acquirerCode: '31', company: '현대' },
  '949013': { issuerCode: '11', acquirerCode: '11', company: 'KB국민' },
  '536648': { issuerCode: '41', acquirerCode: '41', company: '신한' },
};

/** The outcome a card number scripts. */
export function outcomeForCard(digits: string): CardOutcome | 'registration_rejected' {
  return BY_SUFFIX[digits.slice(-4)] ?? 'approve';
}

/** Masks like Toss's current style: first 8 digits, 4 stars, the next digits, a trailing star. */
export function maskCardNumber(digits: string): string {
  return `${digits.slice(0, 8)}****${digits.slice(12, -1)}*`;
}

/** Builds the stored form of a card that registration accepted. */
export function storedCard(digits: string, outcome: CardOutcome): StoredCard {
  const bin = BINS[digits.slice(0, 6)] ?? { issuerCode: '31', acquirerCode: '31', company: 'BC' };
  return { number: maskCardNumber(digits), ...bin, cardType: '신용', ownerType: '개인', outcome };
}
