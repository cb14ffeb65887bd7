import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A token-signing key pair; the private half is encrypted with the service keyring. */
@Entity('signing_keys')
export class SigningKey {
  @PrimaryColumn('text') kid: string;
  @Column('text', { name: 'private_jwk_enc' }) privateJwkEnc: string;
  @Column('jsonb', { name: 'public_jwk' }) publicJwk: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** Set when a newer key takes over signing; kept in the JWKS until tokens signed with it expire. */
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt: Date | null;
}
