import { Injectable, type OnModuleInit } from '@nestjs/common';
import { partnerActivated } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { AccountsService } from './accounts.service';

/** Reacts to partner events: an activated partner's member becomes a PARTNER. */
@Injectable()
export class AccountsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly accounts: AccountsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(partnerActivated, 'user.grant-partner-role', ({ payload, em }) =>
      this.accounts.grantPartnerMembership(em, { userId: payload.memberUserId, partnerId: payload.partnerId, at: new Date(payload.activatedAt) }),
    );
  }
}
