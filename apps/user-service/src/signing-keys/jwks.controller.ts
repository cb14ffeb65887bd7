import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@roastery/http';
import type { JSONWebKeySet } from 'jose';
import { SigningKeysService } from './signing-keys.service';

/** GET /.well-known/jwks.json: the public keys other services verify access tokens with. */
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  @Public()
  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks(): JSONWebKeySet {
    return this.keys.jwks();
  }
}
