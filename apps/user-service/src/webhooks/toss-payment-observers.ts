import { Injectable } from '@nestjs/common';
import type { TossPayment } from '@roastery/toss';

/** Reacts to a payment as Toss reports it now (fetched, never taken from the webhook body); returns what it did. */
export type TossPaymentObserver = (payment: TossPayment) => Promise<string | null>;

/**
 * Where the payments ledger plugs in to learn about changes made at Toss (a cancel from Toss's
 * console, a status change). Webhook handling does not know the ledger; the ledger registers here.
 */
@Injectable()
export class TossPaymentObservers {
  readonly #observers: TossPaymentObserver[] = [];

  register(observer: TossPaymentObserver): void {
    this.#observers.push(observer);
  }

  /** Runs every observer; the outcomes joined, or `NO_LOCAL_PAYMENT` when none recognised it. */
  async notify(payment: TossPayment): Promise<string> {
    const outcomes: string[] = [];
    for (const observe of this.#observers) {
      const outcome = await observe(payment);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes.length > 0 ? outcomes.join(',') : 'NO_LOCAL_PAYMENT';
  }
}
