import type { AddressDto, PaymentMethodDto } from '@roastery/contracts';

/** A saved shipping address as /api/me/addresses returns it. */
export function anAddress(overrides: Partial<AddressDto> = {}): AddressDto {
  return {
    id: 'addr-1',
    label: '집',
    recipient: '김하늘',
    phone: '01012345678',
    postalCode: '04524',
    line1: '서울 중구 세종대로 110',
    line2: '3층',
    isDefault: true,
    createdAt: '2025-11-20T09:00:00.000Z',
    ...overrides,
  };
}

/** A saved card as /api/payment-methods returns it. */
export function aCard(overrides: Partial<PaymentMethodDto> = {}): PaymentMethodDto {
  return {
    id: 'card-1',
    cardCompany: '현대',
    maskedNumber: '43301234****123*',
    cardType: '신용',
    ownerType: '개인',
    isDefault: true,
    createdAt: '2025-11-20T09:00:00.000Z',
    ...overrides,
  };
}
