import type { FastifyRequest } from 'fastify';

/** A request as the sandbox's guard and interceptors annotate it. */
export interface SandboxRequest extends FastifyRequest {
  /** SHA-256 of the secret key that authenticated the call (idempotency is scoped per API key). */
  apiKeyHash?: string;
  /** Set when the scripted outcome is "approved but the response is lost". */
  dropResponse?: boolean;
}

/** Thrown to send a previously stored response again, verbatim (idempotent replay). */
export class ReplayedResponse extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('replayed idempotent response');
  }
}

/** Thrown after the work is committed to close the connection without an answer. */
export class DroppedResponse extends Error {
  constructor() {
    super('response dropped on purpose');
  }
}
