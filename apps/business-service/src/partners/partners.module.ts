import { Module } from '@nestjs/common';
import { PartnerAccess } from './partner-access';
import { PartnersConsumer } from './partners.consumer';
import { PartnersService } from './partners.service';

/** Partner status and membership checks for the partner routes. */
@Module({ providers: [PartnerAccess, PartnersService, PartnersConsumer], exports: [PartnerAccess] })
export class PartnersModule {}
