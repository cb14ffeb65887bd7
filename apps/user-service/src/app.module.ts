import { type DynamicModule, Module } from '@nestjs/common';
import { TokenVerifier } from '@roastery/auth';
import type { Logger } from '@roastery/observability';
import { PlatformModule } from '@roastery/platform';
import { AccountDeletionModule } from './account-deletion/account-deletion.module';
import { AccountsModule } from './accounts/accounts.module';
import { AddressesModule } from './addresses/addresses.module';
import { IdentityModule } from './auth/identity.module';
import { CatalogModule } from './catalog/catalog.module';
import { CONFIG, type UserServiceConfig } from './config';
import { entities } from './database/entities';
import { migrations } from './database/migrations';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentMethodsModule } from './payment-methods/payment-methods.module';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { SigningKeysService } from './signing-keys/signing-keys.service';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { TossModule } from './toss/toss.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** user-service: the only issuer of tokens, and owner of accounts, subscriptions and payments. */
@Module({})
export class AppModule {
  static forRoot(config: UserServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'user-service',
          config,
          configToken: CONFIG,
          logger,
          entities,
          migrations,
          // user-service verifies its own tokens with the keys it holds, never over HTTP to itself.
          tokenVerifier: {
            imports: [SigningKeysModule],
            inject: [SigningKeysService as never],
            useFactory: (keys: SigningKeysService) => TokenVerifier.local(() => keys.jwks()),
          },
        }),
        SigningKeysModule,
        AccountsModule,
        AddressesModule,
        IdentityModule,
        CatalogModule,
        TossModule,
        PaymentMethodsModule,
        WebhooksModule,
        SubscriptionsModule,
        OrdersModule,
        AccountDeletionModule,
        NotificationsModule,
      ],
    };
  }
}
