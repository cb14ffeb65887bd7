import 'reflect-metadata';
import { Controller, Get, Injectable, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, TokenVerifier } from '@roastery/auth';
import { createHttpApp, HttpPlatformModule, Public } from '@roastery/http';
import { createLogger } from '@roastery/observability';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { Column, DataSource, Entity, PrimaryColumn, type Repository } from 'typeorm';

/** (c) Bare Fastify serving fixed JSON bodies: the ceiling of an HTTP JSON endpoint on this machine. */
export async function startBareFastify(bodies: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const app: FastifyInstance = Fastify({ logger: false });
  for (const [path, body] of Object.entries(bodies)) {
    app.get(path, (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  }
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

/** A row of the plain endpoint's table: about the width of a catalog list item. */
@Entity('bench_plain_items')
export class PlainItem {
  @PrimaryColumn('integer') id: number;
  @Column('text') name: string;
  @Column('text') origin: string;
  @Column('text') process: string;
  @Column('text', { name: 'roast_level' }) roastLevel: string;
  @Column('text', { name: 'tasting_notes', array: true }) tastingNotes: string[];
  @Column('integer', { name: 'price_won' }) priceWon: number;
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
}

@Injectable()
class PlainService {
  constructor(@InjectRepository(PlainItem) private readonly items: Repository<PlainItem>) {}
  first20(): Promise<PlainItem[]> {
    return this.items.find({ order: { id: 'ASC' }, take: 20 });
  }
}

@Controller()
class PlainController {
  constructor(private readonly service: PlainService) {}
  @Get('items')
  items(): Promise<PlainItem[]> {
    return this.service.first20();
  }
}

/** Creates and fills the plain endpoint's table with 1,000 rows. */
export async function seedPlainTable(url: string): Promise<void> {
  const ds = await new DataSource({ type: 'postgres', url, entities: [PlainItem] }).initialize();
  try {
    await ds.query(`CREATE TABLE IF NOT EXISTS bench_plain_items (id integer PRIMARY KEY, name text NOT NULL, origin text NOT NULL, process text NOT NULL,
      roast_level text NOT NULL, tasting_notes text[] NOT NULL, price_won integer NOT NULL, published_at timestamptz NOT NULL)`);
    await ds.query(`TRUNCATE bench_plain_items`);
    await ds.query(`INSERT INTO bench_plain_items SELECT g, 'Ethiopia Yirgacheffe Konga #' || g, 'Ethiopia', 'Washed', 'LIGHT',
      ARRAY['jasmine', '꽃향', 'peach'], 18000 + g, now() - g * interval '1 minute' FROM generate_series(1, 1000) g`);
    await ds.query(`VACUUM ANALYZE bench_plain_items`);
  } finally {
    await ds.destroy();
  }
}

/** (d) A plain NestJS (Fastify) + TypeORM endpoint reading 20 rows of 1,000 through a repository, framework defaults. */
export async function startPlainNest(url: string): Promise<{ url: string; close: () => Promise<void> }> {
  @Module({
    imports: [TypeOrmModule.forRoot({ type: 'postgres', url, entities: [PlainItem], synchronize: false }), TypeOrmModule.forFeature([PlainItem])],
    controllers: [PlainController],
    providers: [PlainService],
  })
  class PlainModule {}
  const app = await NestFactory.create<NestFastifyApplication>(PlainModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * (e) The same JSON from memory through NestJS with user-service's HTTP layer: the global auth
 * guard (routes marked public), correlation-id context, request metrics and the error filter. What
 * any user-service route costs before it does any work of its own.
 */
export async function startPlatformNest(bodies: { list: string; detail: string }): Promise<{ url: string; close: () => Promise<void> }> {
  @Public()
  @Controller()
  class FloorController {
    @Get('list')
    list(@Res({ passthrough: true }) reply: FastifyReply): string {
      void reply.header('content-type', 'application/json; charset=utf-8');
      return bodies.list;
    }

    @Get('detail')
    detail(@Res({ passthrough: true }) reply: FastifyReply): string {
      void reply.header('content-type', 'application/json; charset=utf-8');
      return bodies.detail;
    }
  }

  @Module({
    imports: [
      HttpPlatformModule.forRoot({ service: 'bench-floor', healthChecks: { inject: [], useFactory: () => [] } }),
      AuthModule.forRootAsync({ useFactory: () => TokenVerifier.local(() => ({ keys: [] })) }),
    ],
    controllers: [FloorController],
  })
  class FloorModule {}

  const app = await createHttpApp(FloorModule, {
    service: 'bench-floor',
    logger: createLogger('bench-floor', 'warn'),
    bodyLimit: 65_536,
    trustProxy: '127.0.0.1',
    docs: { title: 'floor', description: 'bench' },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
