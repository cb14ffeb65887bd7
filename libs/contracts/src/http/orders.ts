import { z } from 'zod';
import type { FulfilmentStatus } from '../events/fulfilment';

/*
 * What a subscriber sees and may do after an order is paid (issue 6; docs/orders/order-states.md):
 * fulfilment per partner with tracking, the cancellation and return requests, refunds, and the
 * actions open right now. GET /api/orders/:id carries it as `afterSale`.
 */

/** Where the order stands after payment (the state machine of docs/orders/order-states.md). */
export const ORDER_STATES = ['PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED', 'CANCELLED', 'PURCHASE_CONFIRMED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** POST /api/orders/:id/cancel and /return: why. */
export const orderActionReasonSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type OrderActionReasonRequest = z.infer<typeof orderActionReasonSchema>;

/** 202 of a cancel or return request: its outcome shows on the order. */
export interface OrderRequestAcceptedDto {
  requestId: string;
  status: 'OPEN';
}

/** One partner's part of the order as business-service reports it. */
export interface FulfilmentPartDto {
  partnerId: string;
  partnerOrderId: string | null;
  status: FulfilmentStatus;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  updatedAt: string | null;
}

/** A cancellation or return request and what became of it. */
export interface OrderRequestDto {
  id: string;
  status: 'OPEN' | 'CANCELLED' | 'REFUSED' | 'RETURNED';
  reason: string;
  decisionReason: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

/** A refund of (part of) the order's payment. */
export interface OrderRefundDto {
  id: string;
  status: 'QUEUED' | 'PENDING' | 'COMPLETED' | 'REFUSED';
  /** Null while a "whole remaining balance" request waits in the queue. */
  amountWon: number | null;
  reason: string;
  requestedBy: 'ADMIN' | 'PARTNER' | 'SUBSCRIBER' | 'SYSTEM';
  refusedCode: string | null;
  requestedAt: string;
  completedAt: string | null;
}

/** The after-sale view of an order. */
export interface OrderAfterSaleDto {
  state: OrderState;
  fulfilment: { status: FulfilmentStatus; parts: FulfilmentPartDto[] };
  cancellation: OrderRequestDto | null;
  returnRequest: OrderRequestDto | null;
  confirmedAt: string | null;
  confirmedAutomatically: boolean;
  /** The date purchase is confirmed automatically (set once delivered). */
  autoConfirmAt: string | null;
  refunds: OrderRefundDto[];
  /** Refunded per order line (completed refunds), and of the shipping fees. */
  lineRefunds: { lineId: string; refundedWon: number }[];
  shippingRefundedWon: number;
  refundedWon: number;
  /** What is left to refund on the payment (from the ledger). */
  refundableWon: number;
  actions: { canCancel: boolean; canReturn: boolean; canConfirm: boolean };
}
