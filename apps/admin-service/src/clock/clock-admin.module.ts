import { Module } from '@nestjs/common';
import { ClockController } from './clock.controller';

/** The admin API over the platform clock. */
@Module({ controllers: [ClockController] })
export class ClockAdminModule {}
