import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';

/** Liveness with a database check. */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `{status:'ok', checks:{database:'ok'}}`, or 503 when PostgreSQL does not answer. */
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'error' as const,
    );
    void reply.status(database === 'ok' ? 200 : 503).send({ status: database === 'ok' ? 'ok' : 'error', checks: { database } });
  }
}
