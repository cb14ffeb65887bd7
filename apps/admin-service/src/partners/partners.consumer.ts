import { Injectable, type OnModuleInit } from '@nestjs/common';
import { partnerActivated } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { PartnersService } from './partners.service';

/** Feeds the partners read model from business-service. */
@Injectable()
export class PartnersConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly partners: PartnersService,
  ) {}

  onModuleInit(): void {
    this.bus.on(partnerActivated, 'admin.record-partner', ({ payload, em }) => this.partners.activated(em, payload));
  }
}
