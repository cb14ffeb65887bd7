import type { TossBilling, TossPayment } from '@roastery/toss';
import { formatKst } from '../common/kst';
import type { BillingKeyEntity } from '../billing/billing-key.entity';
import type { PaymentCancelEntity } from './payment-cancel.entity';
import type { PaymentEntity } from './payment.entity';

// Fixed API version of the sandbox's response shapes (the one TOSS.md targets).
const API_VERSION = '2022-11-16';

/** The Payment object exactly as Toss shapes it (Korean enum values, every documented field). */
export function toTossPayment(p: PaymentEntity, cancels: PaymentCancelEntity[], mId: string): TossPayment {
  const sorted = [...cancels].sort((a, b) => a.seq - b.seq);
  return {
    mId,
    lastTransactionKey: p.lastTransactionKey,
    paymentKey: p.paymentKey,
    orderId: p.orderId,
    orderName: p.orderName,
    taxExemptionAmount: p.taxExemptionAmount,
    status: p.status,
    requestedAt: formatKst(p.requestedAt),
    approvedAt: p.approvedAt ? formatKst(p.approvedAt) : null,
    useEscrow: false,
    cultureExpense: false,
    card:
      p.status === 'ABORTED'
        ? null
        : {
            issuerCode: p.card.issuerCode,
            acquirerCode: p.card.acquirerCode,
            number: p.card.number,
            installmentPlanMonths: p.card.installmentPlanMonths,
            isInterestFree: false,
            interestPayer: null,
            approveNo: p.card.approveNo,
            useCardPoint: false,
            cardType: p.card.cardType,
            ownerType: p.card.ownerType,
            acquireStatus: p.card.acquireStatus,
            amount: p.totalAmount,
          },
    virtualAccount: null,
    transfer: null,
    mobilePhone: null,
    giftCertificate: null,
    cashReceipt: null,
    cashReceipts: null,
    discount: null,
    cancels: sorted.length === 0 ? null : sorted.map(toTossCancel),
    secret: null,
    type: 'BILLING',
    easyPay: null,
    country: 'KR',
    failure: p.failure,
    isPartialCancelable: p.isPartialCancelable,
    receipt: { url: `https://dashboard-sandbox.tosspayments.com/receipt/redirection?transactionId=${p.lastTransactionKey ?? p.paymentKey}&ref=PX` },
    checkout: { url: `https://api.tosspayments.com/v1/payments/${p.paymentKey}/checkout` },
    currency: 'KRW',
    totalAmount: p.totalAmount,
    balanceAmount: p.balanceAmount,
    suppliedAmount: p.suppliedAmount,
    vat: p.vat,
    taxFreeAmount: p.taxFreeAmount,
    method: '카드',
    version: API_VERSION,
    metadata: null,
  };
}

/** One entry of `Payment.cancels`. */
export function toTossCancel(c: PaymentCancelEntity) {
  return {
    transactionKey: c.transactionKey,
    cancelReason: c.cancelReason,
    taxExemptionAmount: c.taxExemptionAmount,
    canceledAt: formatKst(c.canceledAt),
    cardDiscountAmount: 0,
    transferDiscountAmount: 0,
    easyPayDiscountAmount: 0,
    receiptKey: null,
    cancelAmount: c.cancelAmount,
    taxFreeAmount: c.taxFreeAmount,
    refundableAmount: c.refundableAmount,
    cancelStatus: 'DONE',
    cancelRequestId: null,
  };
}

/** The Billing object (API version 2022-11-16 still sends the legacy cardCompany and cardNumber). */
export function toTossBilling(b: BillingKeyEntity, mId: string): TossBilling {
  return {
    mId,
    customerKey: b.customerKey,
    authenticatedAt: formatKst(b.authenticatedAt),
    method: '카드',
    billingKey: b.billingKey,
    card: { issuerCode: b.card.issuerCode, acquirerCode: b.card.acquirerCode, number: b.card.number, cardType: b.card.cardType, ownerType: b.card.ownerType },
    cardCompany: b.card.company,
    cardNumber: b.card.number,
  };
}
