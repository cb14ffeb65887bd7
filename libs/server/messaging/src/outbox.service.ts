import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { envelopeSchema, type EventDefinition, type MessageEnvelope, type PayloadOf } from '@roastery/contracts';
import { currentContext } from '@roastery/observability';
import { InvalidMessageError } from './errors';
import { uuidv7 } from '@roastery/persistence';

/** The pg NOTIFY channel that wakes the relay when a transaction with outbox rows commits. */
export const OUTBOX_NOTIFY_CHANNEL = 'roastery_outbox';

/** What a use case says about the event it announces; the outbox fills in the rest of the envelope. */
export interface OutboxAddInput<P> {
  aggregateId: string;
  aggregateVersion: number;
  payload: P;
}

/** Records outgoing events in the caller's transaction; the relay publishes them after commit. */
export class Outbox {
  constructor(private readonly options: { service: string }) {}

  /**
   * Validates the payload against the event's contract, builds the envelope and inserts the outbox
   * row with em, which must be the use case's transaction, so the event commits or rolls back with
   * the change it announces.
   */
  async add<D extends EventDefinition>(em: EntityManager, def: D, input: OutboxAddInput<PayloadOf<D>>): Promise<MessageEnvelope<PayloadOf<D>>> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox.add(${def.type}) needs the EntityManager of an open transaction`);
    }
    const envelope = this.envelope(def, input);
    await em.query(`INSERT INTO outbox (id, type, routing_key, envelope) VALUES ($1, $2, $3, $4)`, [
      envelope.id,
      def.type,
      def.type,
      JSON.stringify(envelope),
    ]);
    // Delivered only when the transaction commits, and collapsed to one per transaction.
    await em.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
    return envelope;
  }

  /**
   * add() for many events of one type: every payload is checked as add() checks it, then all rows
   * go in with one multi-row INSERT and one NOTIFY, in the caller's transaction. For hot loops
   * (a billing run announcing thousands of paid orders); the relay sees the same rows as add()'s.
   */
  async addMany<D extends EventDefinition>(em: EntityManager, def: D, inputs: readonly OutboxAddInput<PayloadOf<D>>[]): Promise<MessageEnvelope<PayloadOf<D>>[]> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox.addMany(${def.type}) needs the EntityManager of an open transaction`);
    }
    if (inputs.length === 0) return [];
    const envelopes = inputs.map((input) => this.envelope(def, input));
    // One statement per 5,000 rows keeps each under PostgreSQL's bind limits and memory modest.
    for (let i = 0; i < envelopes.length; i += 5_000) {
      const chunk = envelopes.slice(i, i + 5_000);
      await em.query(`INSERT INTO outbox (id, type, routing_key, envelope) SELECT id, $2, $2, envelope FROM unnest($1::uuid[], $3::jsonb[]) AS t(id, envelope)`, [
        chunk.map((e) => e.id),
        def.type,
        chunk.map((e) => JSON.stringify(e)),
      ]);
    }
    await em.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
    return envelopes;
  }

  /** Validates the payload against the event's contract and builds the envelope. */
  private envelope<D extends EventDefinition>(def: D, input: OutboxAddInput<PayloadOf<D>>): MessageEnvelope<PayloadOf<D>> {
    const parsed = def.schema.safeParse(input.payload);
    if (!parsed.success) {
      throw new InvalidMessageError(`payload of ${def.type} does not match its contract: ${z.prettifyError(parsed.error)}`);
    }
    const ctx = currentContext();
    const envelope: MessageEnvelope<PayloadOf<D>> = {
      id: uuidv7(),
      type: def.type,
      schemaVersion: def.schemaVersion,
      occurredAt: new Date().toISOString(),
      source: this.options.service,
      correlationId: ctx?.correlationId ?? randomUUID(),
      causationId: ctx?.causationId ?? null,
      aggregateId: input.aggregateId,
      aggregateVersion: input.aggregateVersion,
      payload: parsed.data as PayloadOf<D>,
    };
    const checked = envelopeSchema.safeParse(envelope);
    if (!checked.success) {
      throw new InvalidMessageError(`envelope of ${def.type} is invalid: ${z.prettifyError(checked.error)}`);
    }
    return envelope;
  }
}
