import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type DeleteAccountRequest, deleteAccountSchema } from '@roastery/contracts';
import { ValidBody } from '@roastery/http';
import { AccountDeletionService } from './account-deletion.service';

/** DELETE /api/me: the signed-in account deletes itself (with its password). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/me')
export class AccountDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Delete()
  @HttpCode(204)
  async delete(@ValidBody(deleteAccountSchema) body: DeleteAccountRequest, @CurrentPrincipal() me: Principal): Promise<void> {
    await this.deletion.delete(me.userId, body.password);
  }
}
