import { Module } from '@nestjs/common';
import { AccountsConsumer } from './accounts.consumer';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

/** Accounts, roles and partner memberships. */
@Module({ controllers: [AccountsController], providers: [AccountsService, AccountsConsumer], exports: [AccountsService] })
export class AccountsModule {}
