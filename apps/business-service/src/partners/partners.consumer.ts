import { Injectable, type OnModuleInit } from '@nestjs/common';
import { partnerReinstated, partnerSuspended } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { PartnersService } from './partners.service';

/** Applies admins' suspensions and reinstatements of partners. */
@Injectable()
export class PartnersConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly partners: PartnersService,
  ) {}

  onModuleInit(): void {
    this.bus.on(partnerSuspended, 'business.suspend-partner', ({ payload: p, em }) => this.partners.changeStatus(em, { partnerId: p.partnerId, to: 'SUSPENDED', at: p.suspendedAt, reason: p.reason }));
    this.bus.on(partnerReinstated, 'business.reinstate-partner', ({ payload: p, em }) => this.partners.changeStatus(em, { partnerId: p.partnerId, to: 'ACTIVE', at: p.reinstatedAt, reason: p.reason }));
  }
}
