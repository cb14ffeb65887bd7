import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeadLetterCollector, queueNames } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { type AdminServiceConfig, CONFIG } from '../config';
import { DeadLettersService } from './dead-letters.service';

/** The services whose dead-letter queues admin-service gathers. */
export const SERVICES_WITH_DEAD_LETTERS = ['user-service', 'business-service', 'admin-service'] as const;

/** Runs the collector that drains every service's dead-letter queue into admin-service's table. */
@Injectable()
export class DeadLetterCollectorRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private collector?: DeadLetterCollector;

  constructor(
    private readonly deadLetters: DeadLettersService,
    @Inject(CONFIG) private readonly config: AdminServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.MESSAGING_ENABLED) return;
    this.collector = new DeadLetterCollector({
      amqpUrl: this.config.AMQP_URL,
      queues: SERVICES_WITH_DEAD_LETTERS.map((s) => queueNames(this.config.AMQP_NAMESPACE, s).dlq),
      onDeadLetter: (letter) => this.deadLetters.store(letter),
      logger: this.logger,
      queueExpiresMs: this.config.AMQP_QUEUE_EXPIRES_MS,
    });
    await this.collector.start();
    this.deadLetters.attach(this.collector);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.collector?.stop();
  }
}
