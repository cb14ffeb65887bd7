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
export type PaymentMethodAddedHook = (em: EntityManager, added: { accountId: string; paymentMethodId: string }) => Promise<void>;

/**
 * Lets the features that use cards take part in adding and removing one, without payment methods
 * knowing them: subscriptions refuse a removal that would leave a live subscription without a
 * card (and move their subscriptions to the replacement otherwise), and retry boxes waiting for a
 * new card when one is added. A hook refuses by throwing an ApiException.
 */
@Injectable()
export class PaymentMethodHooks {
  readonly #removal: PaymentMethodRemovalHook[] = [];
  readonly #added: PaymentMethodAddedHook[] = [];

  onRemoval(hook: PaymentMethodRemovalHook): void {
    this.#removal.push(hook);
  }

  onAdded(hook: PaymentMethodAddedHook): void {
    this.#added.push(hook);
  }

  async removing(em: EntityManager, removal: PaymentMethodRemoval): Promise<void> {
    for (const hook of this.#removal) await hook(em, removal);
  }

  async added(em: EntityManager, added: { accountId: string; paymentMethodId: string }): Promise<void> {
    for (const hook of this.#added) await hook(em, added);
  }
}
