import { Global, Module } from '@nestjs/common';
import { LOGGER, type Logger } from '@roastery/observability';
import { TossClient } from '@roastery/toss';
import { CONFIG, type UserServiceConfig } from '../config';
import { TossWindow } from './toss-window';

/**
 * The one Toss client of the platform (only user-service calls Toss). Its logger gets operation
 * names, codes and trace ids; the client itself keeps keys and card data out of what it logs.
 */
@Global()
@Module({
  providers: [
    {
      provide: TossClient,
      inject: [CONFIG, LOGGER],
      useFactory: (config: UserServiceConfig, logger: Logger) =>
        new TossClient({
          secretKey: config.TOSS_SECRET_KEY,
          baseUrl: config.TOSS_API_URL,
          timeouts: { mutationMs: config.TOSS_CHARGE_TIMEOUT_MS },
          logger: logger.child({ component: 'toss' }),
        }),
    },
    { provide: TossWindow, inject: [CONFIG], useFactory: (config: UserServiceConfig) => TossWindow.fromConfig(config) },
  ],
  exports: [TossClient, TossWindow],
})
export class TossModule {}
