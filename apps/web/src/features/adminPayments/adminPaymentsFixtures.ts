import type { PaymentDetailDto, PaymentSummaryDto, ReconciliationReportDto, RefundDto } from '@roastery/contracts';

/** Test data only: payments, refunds and a reconciliation report as admin-service returns them. */
export const ORDER_ID = '0190a0b0-0000-7000-8000-0000000000a1';
export const REFUND_ID = '0190a0b0-0000-7000-8000-0000000000b1';

export function aPayment(overrides: Partial<PaymentSummaryDto> = {}): PaymentSummaryDto {
  return {
    orderId: ORDER_ID,
    userId: '0190a0b0-0000-7000-8000-0000000000c1',
    subscriptionId: null,
    partnerIds: ['0190a0b0-0000-7000-8000-0000000000d1'],
    totalWon: 30_000,
    refundedWon: 0,
    balanceWon: 30_000,
    status: 'PAID',
    paidAt: '2026-12-01T03:00:00.000Z',
    paymentKey: 'pk_sandbox_0001',
    tossOrderId: 'o0190a0b0-a1',
    ...overrides,
  };
}

export function aRefund(overrides: Partial<RefundDto> = {}): RefundDto {
  return {
    refundId: REFUND_ID,
    orderId: ORDER_ID,
    status: 'REQUESTED',
    amountWon: 12_000,
    reason: '배송 지연',
    requestedBy: { role: 'ADMIN', userId: '0190a0b0-0000-7000-8000-000000000009', partnerId: null },
    requestedAt: '2026-12-02T00:00:00.000Z',
    completedAt: null,
    refusedAt: null,
    refusal: null,
    lines: [],
    shippingWon: null,
    balanceAfterWon: null,
    ...overrides,
  };
}

export function aPaymentDetail(overrides: Partial<PaymentDetailDto> = {}): PaymentDetailDto {
  return {
    ...aPayment(),
    lines: [{ lineId: '0190a0b0-0000-7000-8000-0000000000e1', partnerId: '0190a0b0-0000-7000-8000-0000000000d1', productName: '에티오피아 예가체프', optionLabel: '200g', quantity: 2, unitPriceWon: 15_000 }],
    shippingFees: [],
    pendingWon: 0,
    fulfilment: [],
    refunds: [],
    ledger: [{ kind: 'CHARGE', refundId: null, amountWon: 30_000, balanceWon: 30_000, at: '2026-12-01T03:00:00.000Z' }],
    ...overrides,
  };
}

export function aReport(overrides: Partial<ReconciliationReportDto> = {}): ReconciliationReportDto {
  const side = { charges: 2, chargedWon: 40_000, refunds: 1, refundedWon: 3_000, netWon: 37_000 };
  return {
    from: '2026-12-01',
    to: '2026-12-01',
    generatedAt: '2026-12-02T00:00:00.000Z',
    toss: { baseUrl: 'http://127.0.0.1:3100', mode: 'test', pages: 1, transactions: 3 },
    totals: { ours: side, toss: { ...side, chargedWon: 39_000, netWon: 36_000 } },
    matchedCharges: 1,
    mismatches: [
      {
        kind: 'AMOUNT_MISMATCH',
        orderId: ORDER_ID,
        tossOrderId: 'o0190a0b0-a1',
        paymentKey: 'pk_sandbox_0001',
        ourAmountWon: 10_000,
        tossAmountWon: 9_000,
        refundIds: [],
        transactionKeys: ['tx_0001'],
        detail: 'we recorded 10000 won, Toss approved 9000 won',
      },
    ],
    ...overrides,
  };
}
