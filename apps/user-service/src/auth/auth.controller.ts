import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AccountDto, loginRequestSchema, logoutRequestSchema, refreshRequestSchema, signupRequestSchema, type TokenPair } from '@roastery/contracts';
import { Public, ValidBody } from '@roastery/http';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AuthService } from './auth.service';

/** /api/auth: sign-up, sign-in, refresh and sign-out. */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  signup(@ValidBody(signupRequestSchema) body: z.output<typeof signupRequestSchema>): Promise<AccountDto> {
    return this.auth.signup(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@ValidBody(loginRequestSchema) body: z.output<typeof loginRequestSchema>, @Req() req: FastifyRequest): Promise<TokenPair> {
    return this.auth.login(body, req.ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@ValidBody(refreshRequestSchema) body: z.output<typeof refreshRequestSchema>): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Holding the refresh token is the credential: sign-out works even after the access token expired. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@ValidBody(logoutRequestSchema) body: z.output<typeof logoutRequestSchema>): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
