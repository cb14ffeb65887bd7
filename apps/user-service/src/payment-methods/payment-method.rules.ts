import { cardCompanyName, type TossBilling } from '@roastery/toss';

/** What we keep of a card from Toss's Billing object: company and masked number, nothing more. */
export function cardFacts(billing: TossBilling): { cardCompany: string; maskedNumber: string; cardType: string | null; ownerType: string | null } {
  const card = billing.card ?? null;
  return {
    // API version 2024-06-01 dropped the top-level cardCompany/cardNumber; older versions send both.
    cardCompany: cardCompanyName(card?.issuerCode) ?? billing.cardCompany ?? '카드',
    maskedNumber: maskOf(card?.number ?? billing.cardNumber ?? ''),
    cardType: card?.cardType ?? null,
    ownerType: card?.ownerType ?? null,
  };
}

/**
 * Toss sends the number already masked (`43301234****123*`). Should an unmasked number ever
 * arrive, only its first six and last four digits survive.
 */
export function maskOf(number: string): string {
  const compact = number.replace(/[\s-]/g, '');
  if (compact === '') return '****';
  if (/\*/.test(compact)) return compact;
  if (compact.length <= 10) return '*'.repeat(compact.length);
  return `${compact.slice(0, 6)}${'*'.repeat(compact.length - 10)}${compact.slice(-4)}`;
}
