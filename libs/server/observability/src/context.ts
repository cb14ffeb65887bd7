import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What travels with one unit of work — an HTTP request or a consumed message — so that log lines
 * and the messages it causes carry the same correlation id.
 */
export interface WorkContext {
  correlationId: string;
  /** Id of the message being handled, when the work was caused by one. */
  causationId: string | null;
  /** The signed-in account, when there is one (never logged with personal data). */
  userId?: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

/** Runs fn with ctx as the current work context. */
export function runInContext<T>(ctx: WorkContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current work context, if any. */
export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}

/** The current correlation id, or a fresh one for work started outside any context (jobs, CLI). */
export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

/** Accepts a caller-supplied correlation id only when it is short and plain, else makes one. */
export function sanitizeCorrelationId(raw: unknown): string {
  return typeof raw === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(raw) ? raw : randomUUID();
}
