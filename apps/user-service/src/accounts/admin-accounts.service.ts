import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { userRegistered } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { AccountsService } from './accounts.service';

/** Creating admins from the command line and the demo seed. */
@Injectable()
export class AdminAccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly outbox: Outbox,
  ) {}

  /** Creates an admin account, or promotes the existing one with that e-mail and resets its password. */
  async ensureAdmin(input: { email: string; password: string; name: string }): Promise<{ created: boolean; id: string }> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.ds.transaction(async (em) => {
      const result = await this.accounts.ensureAdmin(em, { id: uuidv7(), email: input.email, name: input.name, passwordHash });
      if (result.created) {
        await this.outbox.add(em, userRegistered, { aggregateId: result.id, aggregateVersion: 1, payload: { userId: result.id, registeredAt: new Date().toISOString() } });
      }
      return result;
    });
  }
}
