import { createHash } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { SettingsService } from '../settings/settings.service';
import type { SandboxRequest } from './sandbox-request';
import { tossError } from './toss-errors';

/**
 * Toss's Basic auth: `Basic base64("<secretKey>:")`. A value without the colon is refused with
 * INCORRECT_BASIC_AUTH_FORMAT, an unknown or live key with UNAUTHORIZED_KEY.
 */
@Injectable()
export class BasicAuthGuard implements CanActivate {
  constructor(private readonly settings: SettingsService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<SandboxRequest>();
    const header = req.headers.authorization;
    if (!header || !/^Basic\s+/i.test(header)) throw tossError('UNAUTHORIZED_KEY');
    const decoded = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw tossError('INCORRECT_BASIC_AUTH_FORMAT');
    const secretKey = decoded.slice(0, colon);
    if (!this.accepts(secretKey)) throw tossError('UNAUTHORIZED_KEY');
    req.apiKeyHash = createHash('sha256').update(secretKey).digest('hex');
    return true;
  }

  private accepts(secretKey: string): boolean {
    const allowed = this.settings.current.secretKeys;
    if (allowed) return allowed.includes(secretKey);
    // The sandbox is test mode only: live keys are never accepted.
    return /^test_g?sk_[A-Za-z0-9_]+$/.test(secretKey);
  }
}
