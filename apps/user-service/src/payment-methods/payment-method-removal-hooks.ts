import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a removal hook is told, inside the removal's transaction (the account row is locked). */
export interface PaymentMethodRemoval {
  accountId: string;
  paymentMethodId: string;
  /** The card that becomes (or stays) the default after the removal; null when none is left. */
  replacementId: string | null;
}

export type PaymentMethodRemovalHook = (em: EntityManager, removal: PaymentMethodRemoval) => Promise<void>;

/**
 * Lets the features that use cards take part in removing one without payment methods knowing
 * them: subscriptions refuse when the card is the only one left for a live subscription, and move
 * their subscriptions to the replacement otherwise. A hook refuses by throwing an ApiException.
 */
@Injectable()
export class PaymentMethodRemovalHooks {
  readonly #hooks: PaymentMethodRemovalHook[] = [];

  register(hook: PaymentMethodRemovalHook): void {
    this.#hooks.push(hook);
  }

  async run(em: EntityManager, removal: PaymentMethodRemoval): Promise<void> {
    for (const hook of this.#hooks) await hook(em, removal);
  }
}
