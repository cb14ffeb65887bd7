import { Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MessageBus } from './message-bus';
import { MessagingRuntime } from './messaging-runtime';
import { assertMessagingOptions, type MessagingOptions } from './options';
import { Outbox } from './outbox.service';

/** Injection token of the resolved MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** How a service supplies MessagingOptions, usually from its config provider. */
export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

/**
 * Provides Outbox, MessageBus and MessagingRuntime to the whole application (global, like
 * TypeOrmModule). With enabled: false only the outbox does anything; handlers still register, so
 * consumer providers resolve, but nothing connects to RabbitMQ.
 */
@Module({})
export class MessagingModule {
  /** Registers the module with options from a factory; needs TypeOrmModule's default DataSource. */
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: options.inject ?? [],
          useFactory: async (...args: never[]) => {
            const resolved = await options.useFactory(...args);
            assertMessagingOptions(resolved);
            return resolved;
          },
        },
        {
          provide: Outbox,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new Outbox({ service: o.service }),
        },
        {
          provide: MessageBus,
          inject: [MESSAGING_OPTIONS, getDataSourceToken()],
          useFactory: (o: MessagingOptions, dataSource: DataSource) => new MessageBus({ ...o, dataSource }),
        },
        {
          provide: MessagingRuntime,
          inject: [MESSAGING_OPTIONS, MessageBus, getDataSourceToken()],
          useFactory: (o: MessagingOptions, bus: MessageBus, dataSource: DataSource) => new MessagingRuntime(o, bus, dataSource),
        },
      ],
      exports: [Outbox, MessageBus, MessagingRuntime, MESSAGING_OPTIONS],
    };
  }
}
