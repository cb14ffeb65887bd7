import type { Role } from '@roastery/contracts';

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** Partner organisations the account belongs to (a hint; business-service checks membership). */
  partnerIds: string[];
}

export const TOKEN_ISSUER = 'roastery-user-service';
export const TOKEN_AUDIENCE = 'roastery';
/** ES256: small signatures, and the verifier needs only the public key from the JWKS. */
export const TOKEN_ALG = 'ES256';
