import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@roastery/auth';
import type { Role } from '@roastery/contracts';
import { Keyring } from '@roastery/crypto';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { SigningKey } from './signing-key.entity';

type PrivateKey = Parameters<SignJWT['sign']>[0];

/** Lock key so that several instances starting at once create one key, not several. */
const KEY_CREATION_LOCK = 7_346_101;
/** How often an instance re-reads the key table, to learn of keys another instance created. */
const RELOAD_MS = 60_000;

/**
 * Holds the token-signing keys: signs access tokens with the newest key and publishes the public
 * halves at /.well-known/jwks.json, so other services verify without sharing a secret.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit, OnModuleDestroy {
  private active?: { kid: string; key: PrivateKey };
  private published: JWK[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly keyring: Keyring,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureActiveKey();
    await this.load();
    this.timer = setInterval(() => void this.load().catch(() => undefined), RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The public keys verifiers should trust. */
  jwks(): JSONWebKeySet {
    return { keys: this.published };
  }

  /** Signs a short-lived access token for an account. */
  async signAccessToken(claims: { userId: string; roles: Role[]; partnerIds: string[] }): Promise<string> {
    const { kid, key } = this.active ?? (await this.load());
    return new SignJWT({ roles: claims.roles, pids: claims.partnerIds })
      .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: 'at+jwt' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      // Tokens follow wall time, not the sandbox clock: moving the test clock must not sign everyone out.
      .setExpirationTime(Math.floor(Date.now() / 1000) + this.config.ACCESS_TOKEN_TTL_SECONDS)
      .sign(key);
  }

  /** Creates a new signing key and retires the current one (it stays published until its tokens expire). */
  async rotate(): Promise<string> {
    const kid = await this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [KEY_CREATION_LOCK]);
      await em.update(SigningKey, { retiredAt: IsNull() }, { retiredAt: new Date() });
      return this.createKey(em.getRepository(SigningKey));
    });
    await this.load();
    return kid;
  }

  private async ensureActiveKey(): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [KEY_CREATION_LOCK]);
      const repo = em.getRepository(SigningKey);
      if ((await repo.count({ where: { retiredAt: IsNull() } })) === 0) await this.createKey(repo);
    });
  }

  private async createKey(repo: import('typeorm').Repository<SigningKey>): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const kid = `k-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    const privateJwk = await exportJWK(privateKey);
    await repo.insert({
      kid,
      // The kid is the associated data: a private key copied onto another row will not decrypt.
      privateJwkEnc: this.keyring.encrypt(JSON.stringify(privateJwk), kid),
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALG, use: 'sig' },
      createdAt: new Date(),
      retiredAt: null,
    });
    return kid;
  }

  private async load(): Promise<{ kid: string; key: PrivateKey }> {
    const repo = this.ds.getRepository(SigningKey);
    // Retired keys stay published long enough for every token they signed to expire.
    const graceStart = new Date(Date.now() - (this.config.ACCESS_TOKEN_TTL_SECONDS + 300) * 1000);
    const keys = await repo.find({ where: [{ retiredAt: IsNull() }, { retiredAt: MoreThan(graceStart) }], order: { createdAt: 'DESC' } });
    const newest = keys.find((k) => k.retiredAt === null);
    if (!newest) throw new Error('no active signing key');
    if (this.active?.kid !== newest.kid) {
      const jwk = JSON.parse(this.keyring.decrypt(newest.privateJwkEnc, newest.kid)) as JWK;
      this.active = { kid: newest.kid, key: (await importJWK(jwk, TOKEN_ALG)) as PrivateKey };
    }
    this.published = keys.map((k) => k.publicJwk as unknown as JWK);
    return this.active;
  }
}
