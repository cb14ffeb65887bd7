import { Injectable, type OnModuleInit } from '@nestjs/common';
import { partnerApplicationApproved, partnerApplicationRejected } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { ApplicationsService } from './applications.service';

/** Applies admins' decisions on applications. */
@Injectable()
export class ApplicationsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(partnerApplicationApproved, 'business.activate-partner', ({ payload, em }) => this.applications.approve(em, payload));
    this.bus.on(partnerApplicationRejected, 'business.record-rejection', ({ payload, em }) => this.applications.reject(em, payload));
  }
}
