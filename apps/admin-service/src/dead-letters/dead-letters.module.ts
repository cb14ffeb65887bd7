import { Module } from '@nestjs/common';
import { DeadLetterCollectorRuntime } from './dead-letter-collector.runtime';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';

/** Dead letters of every service, gathered for inspection and replay. */
@Module({ controllers: [DeadLettersController], providers: [DeadLettersService, DeadLetterCollectorRuntime] })
export class DeadLettersModule {}
