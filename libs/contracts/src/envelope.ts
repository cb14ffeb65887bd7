import { z } from 'zod';

/**
 * The envelope every message on the bus carries (ARCHITECTURE.md, "Messages"). The id is fixed
 * when the outbox row is written and kept through republish, retry and replay, which is what makes
 * the consumers' inbox de-duplication work.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1).max(200),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  source: z.string().min(1).max(100),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().max(200).nullable(),
  aggregateId: z.string().min(1).max(200),
  aggregateVersion: z.number().int().nonnegative(),
  payload: z.unknown(),
});

export type MessageEnvelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };
