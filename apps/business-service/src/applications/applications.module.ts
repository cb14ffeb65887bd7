import { Module } from '@nestjs/common';
import { ApplicationsConsumer } from './applications.consumer';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/** Partner onboarding. */
@Module({ controllers: [ApplicationsController], providers: [ApplicationsService, ApplicationsConsumer] })
export class ApplicationsModule {}
