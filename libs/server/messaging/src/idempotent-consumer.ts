import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { envelopeSchema, type EventDefinition, type MessageEnvelope } from '@roastery/contracts';
import { runInContext } from '@roastery/observability';
import { errorMessage } from './connection';
import { runOnce } from './idempotent';

/** What a handler receives: the validated payload (unknown fields stripped), the envelope and the transaction to write with. */
export interface HandlerContext<P> {
  payload: P;
  envelope: MessageEnvelope<P>;
  em: EntityManager;
}

/** A message handler; it writes only through em so its effects commit with its inbox row. */
export type MessageHandler<P> = (ctx: HandlerContext<P>) => Promise<void> | void;

/** One registered handler: the event it handles and the name its inbox rows carry. */
export interface HandlerRegistration {
  def: EventDefinition;
  name: string;
  fn: MessageHandler<unknown>;
}

/** What became of one delivery, which decides ack, retry or dead letter. */
export type DeliveryOutcome =
  | { status: 'applied' | 'duplicate' | 'unhandled'; envelope: MessageEnvelope }
  | { status: 'invalid'; reason: string; envelope?: MessageEnvelope }
  | { status: 'failed'; reason: string; handlers: string[]; envelope?: MessageEnvelope };

/**
 * Validates one delivered body and runs every handler registered for its type, each in its own
 * transaction guarded by the inbox. Never throws: the caller maps the outcome to broker actions.
 */
export async function processDelivery(
  dataSource: DataSource,
  handlersFor: (type: string) => readonly HandlerRegistration[],
  body: Buffer,
): Promise<DeliveryOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 'invalid', reason: 'body is not JSON' };
  }
  const env = envelopeSchema.safeParse(json);
  if (!env.success) return { status: 'invalid', reason: `invalid envelope: ${z.prettifyError(env.error)}` };
  const envelope = env.data as MessageEnvelope;
  const handlers = handlersFor(envelope.type);
  if (handlers.length === 0) return { status: 'unhandled', envelope };

  // Validate for every handler before running any, so an invalid message is never half-applied.
  const payloads = new Map<EventDefinition, unknown>();
  for (const { def } of handlers) {
    if (payloads.has(def)) continue;
    const parsed = def.schema.safeParse(envelope.payload);
    if (!parsed.success) return { status: 'invalid', reason: `invalid ${envelope.type} payload: ${z.prettifyError(parsed.error)}`, envelope };
    payloads.set(def, parsed.data);
  }

  const failures: Array<{ handler: string; error: string }> = [];
  let applied = false;
  for (const h of handlers) {
    const payload = payloads.get(h.def);
    try {
      const ran = await dataSource.transaction((em) =>
        runOnce(em, h.name, envelope.id, () =>
          runInContext({ correlationId: envelope.correlationId, causationId: envelope.id }, () =>
            h.fn({ payload, envelope: { ...envelope, payload }, em }),
          ),
        ),
      );
      applied ||= ran;
    } catch (err) {
      // The transaction rolled back with the inbox row, so the next attempt runs this handler again.
      failures.push({ handler: h.name, error: errorMessage(err) });
    }
  }
  if (failures.length > 0) {
    return {
      status: 'failed',
      reason: failures.map((f) => (failures.length > 1 ? `${f.handler}: ${f.error}` : f.error)).join('; '),
      handlers: failures.map((f) => f.handler),
      envelope,
    };
  }
  return { status: applied ? 'applied' : 'duplicate', envelope };
}
