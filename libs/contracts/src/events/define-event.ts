import type { z } from 'zod';

/** Describes one event type: its routing key, its contract version and its payload schema. */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly schemaVersion: number;
  readonly schema: S;
}

export type PayloadOf<D extends EventDefinition> = z.infer<D['schema']>;

/**
 * Declares an event. Payload schemas are plain (non-strict) objects on purpose: a consumer strips
 * fields it does not know, so producers can add optional fields without breaking anyone.
 */
export function defineEvent<T extends string, S extends z.ZodType>(type: T, schemaVersion: number, schema: S): EventDefinition<T, S> {
  return { type, schemaVersion, schema };
}
