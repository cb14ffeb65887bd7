import { Inject, Injectable } from '@nestjs/common';
import { ApiException } from '@roastery/http';
import { InjectRedis } from '@roastery/persistence';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { CONFIG, type UserServiceConfig } from '../config';

/**
 * Counts failed sign-ins per account and per client address in fixed windows (Redis INCR + EXPIRE,
 * set atomically in one MULTI). Once either count reaches its limit, further attempts are 429 with
 * Retry-After until the window ends; a success clears the account's count.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
  ) {}

  /** Throws 429 when the account or the address is locked out. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [acct, addr] = [this.accountKey(email), this.addressKey(address)];
    const [[, a], [, b], [, ttlA], [, ttlB]] = (await this.redis.multi().get(acct).get(addr).ttl(acct).ttl(addr).exec()) as [unknown, string | number | null][];
    const overAccount = Number(a ?? 0) >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    const overAddress = Number(b ?? 0) >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS;
    if (overAccount || overAddress) {
      const retry = Math.max(1, Number(overAccount ? ttlA : ttlB));
      throw new ApiException(429, 'RATE_LIMITED', 'too many failed sign-in attempts; try again later', undefined, { 'retry-after': String(retry) });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const window = this.config.LOGIN_WINDOW_SECONDS;
    await this.redis
      .multi()
      .incr(this.accountKey(email))
      .expire(this.accountKey(email), window, 'NX')
      .incr(this.addressKey(address))
      .expire(this.addressKey(address), window, 'NX')
      .exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email));
  }

  // Hashed so that Redis holds no e-mail addresses (personal data stays in PostgreSQL).
  private accountKey(email: string): string {
    return `login-fail:acct:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
  }

  private addressKey(address: string): string {
    return `login-fail:addr:${address}`;
  }
}
