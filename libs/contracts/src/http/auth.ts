import { z } from 'zod';

export const ROLES = ['SUBSCRIBER', 'PARTNER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

const email = z.email().max(254).transform((e) => e.trim().toLowerCase());
/** Long passphrases are welcome; the cap only bounds hashing cost. */
const password = z.string().min(10, 'at least 10 characters').max(200);

export const signupRequestSchema = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1).max(100),
});
export type SignupRequest = z.input<typeof signupRequestSchema>;

export const loginRequestSchema = z.strictObject({
  email,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(20).max(300),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const logoutRequestSchema = refreshRequestSchema;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface AccountDto {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Partner organisations this account is a member of. */
  partnerIds: string[];
  createdAt: string;
}

/** DELETE /api/me: the password again, so a stolen session alone cannot delete an account. */
export const deleteAccountSchema = z.strictObject({ password: z.string().min(1).max(200) });
export type DeleteAccountRequest = z.infer<typeof deleteAccountSchema>;
