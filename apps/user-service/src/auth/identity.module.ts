import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AdminAccountsService } from '../accounts/admin-accounts.service';
import { SigningKeysModule } from '../signing-keys/signing-keys.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';

/** Sign-up, sign-in and sessions. */
@Module({
  imports: [AccountsModule, SigningKeysModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher, LoginRateLimiter, AdminAccountsService],
  exports: [AuthService, PasswordHasher, AdminAccountsService],
})
export class IdentityModule {}
