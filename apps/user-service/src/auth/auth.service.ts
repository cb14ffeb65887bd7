import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AccountDto, type LoginRequest, type SignupRequest, type TokenPair, userRegistered } from '@roastery/contracts';
import { ApiException, conflict } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { CONFIG, type UserServiceConfig } from '../config';
import { SigningKeysService } from '../signing-keys/signing-keys.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { decideRefresh } from './refresh-token.rules';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const REFUSED_INVALID = new ApiException(401, 'REFRESH_TOKEN_INVALID', 'refresh token is not valid');
const REFUSED_REUSED = new ApiException(401, 'REFRESH_TOKEN_REUSED', 'refresh token was already used; sign in again');

/** Sign-up, sign-in and the refresh-token lifecycle. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly keys: SigningKeysService,
    private readonly accounts: AccountsService,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
  ) {}

  /** Creates a subscriber account and announces it. */
  async signup(input: SignupRequest & { email: string }): Promise<AccountDto> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.ds.transaction(async (em) => {
      if (await em.existsBy(Account, { email: input.email, status: 'ACTIVE' })) throw conflict('EMAIL_TAKEN', 'an account with this e-mail exists');
      const account = em.create(Account, { id: uuidv7(), email: input.email, name: input.name, phone: null, passwordHash, roles: ['SUBSCRIBER'], status: 'ACTIVE' });
      try {
        await em.insert(Account, account);
      } catch (e) {
        // Two sign-ups racing for one address: the partial unique index decides.
        if ((e as { code?: string }).code === '23505') throw conflict('EMAIL_TAKEN', 'an account with this e-mail exists');
        throw e;
      }
      await this.outbox.add(em, userRegistered, { aggregateId: account.id, aggregateVersion: 1, payload: { userId: account.id, registeredAt: new Date().toISOString() } });
      return this.accounts.toDto(account, []);
    });
  }

  /** Exchanges e-mail and password for a token pair, within the sign-in rate limits. */
  async login(input: LoginRequest & { email: string }, clientAddress: string): Promise<TokenPair> {
    await this.limiter.assertAllowed(input.email, clientAddress);
    const account = await this.ds.getRepository(Account).findOneBy({ email: input.email, status: 'ACTIVE' });
    const ok = await this.hasher.verify(account?.passwordHash ?? null, input.password);
    if (!account || !ok) {
      await this.limiter.recordFailure(input.email, clientAddress);
      throw new ApiException(401, 'INVALID_CREDENTIALS', 'e-mail or password is wrong');
    }
    await this.limiter.recordSuccess(input.email);
    return this.ds.transaction((em) => this.issuePair(em, account, uuidv7()));
  }

  /** Rotates a refresh token; a reused one revokes its whole family. */
  async refresh(presented: string): Promise<TokenPair> {
    const outcome = await this.ds.transaction(async (em) => {
      const token = await em.getRepository(RefreshToken).findOne({ where: { tokenHash: sha256(presented) }, lock: { mode: 'pessimistic_write' } });
      if (!token) return REFUSED_INVALID;
      const decision = decideRefresh(token, new Date());
      if (decision.kind === 'reuse') {
        await this.revokeFamily(em, token.familyId, 'reuse detected');
        return REFUSED_REUSED;
      }
      if (decision.kind === 'expired') return REFUSED_INVALID;
      const account = await em.findOneBy(Account, { id: token.accountId, status: 'ACTIVE' });
      if (!account) return REFUSED_INVALID;
      await em.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return this.issuePair(em, account, token.familyId);
    });
    // The revocation above must commit, so the refusal is thrown only after the transaction.
    if (outcome instanceof ApiException) throw outcome;
    return outcome;
  }

  /** Ends the session the refresh token belongs to (its whole family). Unknown tokens are ignored. */
  async logout(presented: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const token = await em.findOneBy(RefreshToken, { tokenHash: sha256(presented) });
      if (token) await this.revokeFamily(em, token.familyId, 'logout');
    });
  }

  private async issuePair(em: EntityManager, account: Account, familyId: string): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await em.insert(RefreshToken, {
      id: uuidv7(),
      familyId,
      accountId: account.id,
      tokenHash: sha256(refreshToken),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      usedAt: null,
      revokedAt: null,
      revokedReason: null,
    });
    const partnerIds = await this.accounts.partnerIdsOf(em, account.id);
    const accessToken = await this.keys.signAccessToken({ userId: account.id, roles: account.roles, partnerIds });
    return { accessToken, refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  private async revokeFamily(em: EntityManager, familyId: string, reason: string): Promise<void> {
    await em.createQueryBuilder().update(RefreshToken).set({ revokedAt: () => 'now()', revokedReason: reason }).where('family_id = :familyId AND revoked_at IS NULL', { familyId }).execute();
  }
}
