import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@roastery/contracts';
import { ApiException, forbidden, IS_PUBLIC } from '@roastery/http';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const ROLES = 'roastery:roles';

/** Restricts a route (or controller) to accounts holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

type AuthedRequest = FastifyRequest & { principal?: Principal };

/** The verified caller of the current request (routes behind the guard always have one). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new ApiException(401, 'UNAUTHENTICATED', 'authentication required');
  return principal;
});

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles narrows
 * further. A missing or bad token is 401, a valid token without the role is 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw new ApiException(401, 'UNAUTHENTICATED', 'a bearer token is required');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (e) {
      throw new ApiException(401, 'UNAUTHENTICATED', e instanceof InvalidTokenError ? e.message : 'token invalid');
    }
    req.principal = principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (required?.length && !required.some((r) => principal.roles.includes(r))) throw forbidden('this route needs the role ' + required.join(' or '));
    return true;
  }
}
