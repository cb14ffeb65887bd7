import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AMQP_URL, TEST_QUEUE_EXPIRES_MS, createTestEnv, orderPayload, orderPlaced, silentLogger, waitFor, type TestEnv } from '../test/support';
import { MessageBus } from './message-bus';
import { MessagingRuntime } from './messaging-runtime';
import { MessagingModule } from './messaging.module';
import { messagingEntities } from './messaging-entities';
import type { MessagingOptions } from './options';
import { Outbox } from './outbox.service';

const CONFIG = Symbol('CONFIG');

/** How a service's consumer file looks: register in onModuleInit, write only through em. */
@Injectable()
class OrdersConsumer implements OnModuleInit {
  constructor(private readonly bus: MessageBus) {}

  onModuleInit(): void {
    this.bus.on(orderPlaced, 'orders.record', async ({ envelope, em }) => {
      await em.query('INSERT INTO applied (handler, message_id) VALUES ($1, $2)', ['orders.record', envelope.id]);
    });
  }
}

describe('MessagingModule', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  async function boot(overrides: Partial<MessagingOptions>): Promise<TestingModule> {
    const options: MessagingOptions = {
      service: 'nest-svc',
      amqpUrl: AMQP_URL,
      namespace: env.namespace,
      maxAttempts: 3,
      retryBaseMs: 20,
      enabled: true,
      queueExpiresMs: TEST_QUEUE_EXPIRES_MS,
      logger: silentLogger,
      ...overrides,
    };
    env.trackService(options.service, options.maxAttempts, options.retryBaseMs);
    @Module({ providers: [{ provide: CONFIG, useValue: options }], exports: [CONFIG] })
    class ConfigModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: env.databaseUrl, entities: messagingEntities }),
        MessagingModule.forRootAsync({ imports: [ConfigModule], inject: [CONFIG], useFactory: (o: MessagingOptions) => o }),
      ],
      providers: [OrdersConsumer],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  }

  it('wires consumer, relay and outbox from the application lifecycle', async () => {
    const app = await boot({});
    try {
      const runtime = app.get(MessagingRuntime);
      expect(runtime.health()).toEqual({ status: 'up', consumer: true, publisher: true });
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const payload = orderPayload();
      const envelope = await dataSource.transaction((em) =>
        app.get(Outbox).add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload }),
      );
      expect(envelope.source).toBe('nest-svc');
      await waitFor('the consumer to apply the event', async () => (await env.appliedCount(envelope.id)) === 1);
    } finally {
      await app.close();
    }
    expect(app.get(MessagingRuntime).health()).toEqual({ status: 'down', consumer: false, publisher: false });
  });

  it('only records events when disabled', async () => {
    const app = await boot({ service: 'nest-off', enabled: false });
    try {
      expect(app.get(MessagingRuntime).health().status).toBe('disabled');
      expect(app.get(MessageBus).routingKeys()).toEqual([orderPlaced.type]);
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const payload = orderPayload();
      const envelope = await dataSource.transaction((em) =>
        app.get(Outbox).add(em, orderPlaced, { aggregateId: payload.orderId, aggregateVersion: 1, payload }),
      );
      const [row] = await env.dataSource.query('SELECT published_at FROM outbox WHERE id = $1', [envelope.id]);
      expect(row).toEqual({ published_at: null });
    } finally {
      await app.close();
    }
  });

  it('rejects options that would make broken queue names or lose retries', async () => {
    await expect(boot({ service: 'Bad Name' })).rejects.toThrow(/service "Bad Name"/);
    await expect(boot({ maxAttempts: 5, retryBaseMs: 1000, queueExpiresMs: 8000 })).rejects.toThrow(/queueExpiresMs/);
  });
});
