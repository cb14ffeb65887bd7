import type { PaymentMethodDto } from '@roastery/contracts';
import type { PaymentMethod } from './payment-method.entity';

/** What the owner sees of a card: never the billing key or the customerKey. */
export function toPaymentMethodDto(m: PaymentMethod): PaymentMethodDto {
  return {
    id: m.id,
    cardCompany: m.cardCompany,
    maskedNumber: m.maskedNumber,
    cardType: m.cardType,
    ownerType: m.ownerType,
    isDefault: m.isDefault,
    createdAt: m.createdAt.toISOString(),
  };
}
