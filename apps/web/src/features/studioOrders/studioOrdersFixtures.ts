import type { BulkShipResultDto, FulfilmentQueueDto, PartnerOrderDto } from '@roastery/contracts';

/** A partner order as business-service answers it (test data). */
export function aPartnerOrder(overrides: Partial<PartnerOrderDto> = {}): PartnerOrderDto {
  return {
    id: '0190a0b0-0000-7000-8000-00000000a001',
    orderId: '0190a0b0-0000-7000-8000-00000000b001',
    partnerId: '0190a0b0-0000-7000-8000-00000000c001',
    subscriptionId: null,
    status: 'PAID',
    itemsTotalWon: 62_000,
    shippingFeeWon: 3_000,
    totalWon: 65_000,
    shipTo: { recipient: '김민지', phone: '01098765432', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' },
    stockReserved: true,
    paidAt: '2025-01-06T01:00:00.000Z',
    shipBy: '2025-01-07',
    version: 1,
    carrier: null,
    trackingNumber: null,
    preparedAt: null,
    shippedAt: null,
    deliveredAt: null,
    cancelledAt: null,
    returnRequestedAt: null,
    returnReason: null,
    returnedAt: null,
    confirmedAt: null,
    lines: [
      {
        lineId: '0190a0b0-0000-7000-8000-00000000d001',
        catalogItemId: 'item-a',
        productId: 'product-a',
        optionId: 'opt-a',
        productName: 'Colombia Huila',
        optionLabel: '200 g · Filter grind',
        quantity: 2,
        unitPriceWon: 31_000,
        amountWon: 62_000,
      },
    ],
    refunds: [],
    refundableWon: 62_000,
    ...overrides,
  };
}

export const ORDER_1 = aPartnerOrder();
export const ORDER_2 = aPartnerOrder({ id: '0190a0b0-0000-7000-8000-00000000a002', orderId: '0190a0b0-0000-7000-8000-00000000b002', status: 'PREPARING' });
export const ORDER_3 = aPartnerOrder({ id: '0190a0b0-0000-7000-8000-00000000a003', orderId: '0190a0b0-0000-7000-8000-00000000b003', paidAt: '2025-01-10T01:00:00.000Z', shipBy: '2025-01-13' });

/** A queue of three orders over two ship-by days. */
export function aQueue(overrides: Partial<FulfilmentQueueDto> = {}): FulfilmentQueueDto {
  const demandA = { optionId: 'opt-a', productId: 'product-a', productName: 'Colombia Huila', optionLabel: '200 g · Filter grind', weightGrams: 200, units: 4, grams: 800, orders: 2 };
  return {
    today: '2025-01-07',
    days: [
      { shipBy: '2025-01-07', overdue: false, orders: [ORDER_1, ORDER_2], demand: [demandA] },
      { shipBy: '2025-01-13', overdue: false, orders: [ORDER_3], demand: [{ ...demandA, units: 2, grams: 400, orders: 1 }] },
    ],
    demand: [{ ...demandA, units: 6, grams: 1200, orders: 3 }],
    total: 3,
    truncated: false,
    refundLimitWon: 50_000,
    ...overrides,
  };
}

export const shippedOrder = (o: PartnerOrderDto, trackingNumber = '601234567890'): PartnerOrderDto => ({ ...o, status: 'SHIPPED', version: o.version + 1, carrier: 'CJ대한통운', trackingNumber, shippedAt: '2025-01-07T02:00:00.000Z' });

/** One shipped, one refused because it was cancelled meanwhile. */
export const aBulkResult = (): BulkShipResultDto => ({
  shipped: 1,
  failed: 1,
  results: [
    { orderId: ORDER_1.id, outcome: 'SHIPPED', order: shippedOrder(ORDER_1) },
    { orderId: ORDER_2.id, outcome: 'FAILED', code: 'INVALID_STATE', message: 'a CANCELLED order cannot be shipped' },
  ],
});
