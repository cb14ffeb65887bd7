import { tossError } from '../common/toss-errors';
import { outcomeForCard, storedCard, type StoredCard } from './test-cards';

/** Card data as typed into the window or sent to /v1/billing/authorizations/card. */
export interface CardForm {
  cardNumber: string;
  expirationMonth: string;
  expirationYear: string;
  /** YYMMDD birth date or a 10-digit business number. */
  identityNumber: string;
}

/**
 * Checks a card the way test mode does (any BIN, a future expiry, a well-formed identity number)
 * and returns its masked, stored form; the test number's suffix scripts its outcome.
 */
export function registerCard(form: CardForm, now: Date): StoredCard {
  const digits = form.cardNumber.replace(/[\s-]/g, '');
  if (!/^\d{14,19}$/.test(digits)) throw tossError('INVALID_CARD_NUMBER');
  const month = Number(form.expirationMonth);
  const year = 2000 + Number(form.expirationYear);
  if (!/^\d{1,2}$/.test(form.expirationMonth) || !/^\d{2}$/.test(form.expirationYear) || month < 1 || month > 12) {
    throw tossError('INVALID_CARD_EXPIRATION');
  }
  // A card is valid through the last day of its expiry month (KST); Date.UTC(y, m) is the 1st of the next month.
  const expiresAt = Date.UTC(year, month) - 9 * 3_600_000;
  if (expiresAt <= now.getTime()) throw tossError('INVALID_CARD_EXPIRATION');
  if (!/^(\d{6}|\d{10})$/.test(form.identityNumber)) throw tossError('INVALID_CARD_IDENTITY');
  const outcome = outcomeForCard(digits);
  if (outcome === 'registration_rejected') throw tossError('REJECT_CARD_COMPANY');
  return storedCard(digits, outcome);
}
