import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { SettingsService } from '../settings/settings.service';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

/** What the key identifies: Toss matches on the key, the API key, the URL and the method. */
export interface IdempotencyScope {
  apiKeyHash: string;
  method: string;
  path: string;
  idempotencyKey: string;
}

/** The outcome of claiming a key. */
export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'in_flight' } | { kind: 'replay'; status: number; body: unknown };

/** Stores Idempotency-Key uses in PostgreSQL so replays survive a restart. */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(IdempotencyRecordEntity) private readonly repo: Repository<IdempotencyRecordEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  /** In-flight rows left by a previous process belong to requests that died with it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.repo.delete({ state: 'in_flight' });
  }

  /** Claims the key for this request, or reports that it is in flight or already answered. */
  async claim(scope: IdempotencyScope): Promise<IdempotencyClaim> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.settings.current.idempotencyTtlDays * 86_400_000);
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted: unknown[] = await this.repo.query(
        `INSERT INTO idempotency_records (api_key_hash, method, path, idempotency_key, state, created_at, expires_at)
         VALUES ($1, $2, $3, $4, 'in_flight', $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
        [scope.apiKeyHash, scope.method, scope.path, scope.idempotencyKey, now, expiresAt],
      );
      if (inserted.length > 0) return { kind: 'claimed' };
      const existing = await this.repo.findOneBy({ ...scope });
      if (!existing) continue;
      if (existing.expiresAt <= now) {
        // Past the retention (15 days by default) the key is new again.
        await this.repo.delete({ ...scope, expiresAt: existing.expiresAt });
        continue;
      }
      if (existing.state === 'in_flight') return { kind: 'in_flight' };
      return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody };
    }
    return { kind: 'in_flight' };
  }

  /** Stores the answer given to the first request. */
  async complete(scope: IdempotencyScope, status: number, body: unknown): Promise<void> {
    await this.repo.update({ ...scope }, { state: 'done', responseStatus: status, responseBody: typeof body === 'object' && body !== null ? body : null });
  }

  /** Forgets a claim whose request ended without an answer worth replaying. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.repo.delete({ ...scope, state: 'in_flight' });
  }
}
