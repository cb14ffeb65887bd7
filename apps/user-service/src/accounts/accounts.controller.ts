import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import type { AccountDto } from '@roastery/contracts';
import { AccountsService } from './accounts.service';

/** /api/me: the signed-in account. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/me')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Roles come from the database, so a role granted a moment ago shows before the next token. */
  @Get()
  me(@CurrentPrincipal() me: Principal): Promise<AccountDto> {
    return this.accounts.me(me.userId);
  }
}
