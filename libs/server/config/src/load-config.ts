import { z } from 'zod';

/** Raised at start-up when the environment does not describe a runnable service. */
export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
  }
}

/**
 * Parses the environment once, at start-up, against a schema with local defaults. A bad value
 * stops the service with every problem listed, rather than failing later on first use.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return result.data;
}

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Settings every backend service shares. Services extend this with their own keys. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key this service writes. */
  REDIS_PREFIX: z.string().default('roastery:'),
  AMQP_URL: z.string().default('amqp://guest:guest@127.0.0.1:5672'),
  /** Prefix of every exchange and queue name, so test runs never see each other's messages. */
  AMQP_NAMESPACE: z.string().regex(/^[a-z0-9_.-]+$/).default('roastery'),
  /**
   * Lets idle queues delete themselves after this many ms (x-expires). Only for throw-away test
   * namespaces: in production a queue must outlive any outage of its consumers.
   */
  AMQP_QUEUE_EXPIRES_MS: z.coerce.number().int().min(60_000).optional(),
  /** Attempts before a failing message is dead-lettered, and the first retry delay. */
  MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  MESSAGE_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  USER_SERVICE_URL: z.string().url().default('http://127.0.0.1:3001'),
  /** 'shared': every service follows the sandbox clock set through the admin API; 'system': wall time. */
  CLOCK_MODE: z.enum(['shared', 'system']).default('shared'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Whether this process runs the outbox relay and consumers (off for pure HTTP replicas). */
  MESSAGING_ENABLED: bool.default(true),
  /**
   * Which peers may set X-Forwarded-For (Fastify trustProxy: an address, CIDR list, or 'loopback').
   * Trusting everyone would let a client pick its own address and dodge per-address rate limits.
   */
  HTTP_TRUST_PROXY: z.string().default('127.0.0.1,::1'),
  /** Published outbox rows are deleted after this many days. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(7),
  /**
   * Inbox rows (the duplicate detector) are deleted after this many days: far longer than any
   * redelivery, retry or dead-letter replay can take.
   */
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(7).default(90),
  /** Largest accepted HTTP body, in bytes. */
  HTTP_BODY_LIMIT: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  /**
   * AES-256-GCM keyring: `kid:base64key[,kid:base64key…]`. The development default is public and
   * refused in production.
   */
  ENCRYPTION_KEYS: z.string().default('dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE='),
  ENCRYPTION_ACTIVE_KEY_ID: z.string().default('dev1'),
};

export const baseConfigSchema = z.object(baseConfigShape);
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Production must not run on the public development key. */
export function assertProductionSafe(config: BaseConfig): void {
  if (config.NODE_ENV === 'production' && config.ENCRYPTION_KEYS.includes('ZGV2LW9ubHkta2V5')) {
    throw new ConfigError(['ENCRYPTION_KEYS: the development key cannot be used in production']);
  }
  if (config.NODE_ENV === 'production' && config.AMQP_QUEUE_EXPIRES_MS !== undefined) {
    throw new ConfigError(['AMQP_QUEUE_EXPIRES_MS: queues must not expire in production']);
  }
  if (config.NODE_ENV === 'production' && config.CLOCK_MODE !== 'system') {
    throw new ConfigError(['CLOCK_MODE: production runs on the system clock']);
  }
}
