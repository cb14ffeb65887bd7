import { Module } from '@nestjs/common';
import { JwksController } from './jwks.controller';
import { SigningKeysService } from './signing-keys.service';

/** Token-signing keys and their publication. */
@Module({ controllers: [JwksController], providers: [SigningKeysService], exports: [SigningKeysService] })
export class SigningKeysModule {}
