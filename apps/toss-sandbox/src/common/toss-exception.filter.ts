import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DroppedResponse, ReplayedResponse } from './sandbox-request';
import { TossApiException } from './toss-errors';

/**
 * Turns every failure into Toss's error shape `{code, message}`, replays stored idempotent
 * answers, and drops the connection when a scripted outcome asks for it.
 */
@Catch()
export class TossExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('toss-sandbox');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof DroppedResponse) {
      reply.raw.destroy();
      return;
    }
    if (exception instanceof ReplayedResponse) {
      this.send(reply, exception.status, exception.body);
      return;
    }
    if (exception instanceof TossApiException) {
      this.send(reply, exception.status, exception.body);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      this.send(reply, status, { code: status === 404 ? 'NOT_FOUND' : 'INVALID_REQUEST', message: exception.message });
      return;
    }
    // Fastify's own errors (unparseable JSON body, payload too large) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: unknown }).statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      this.send(reply, 400, { code: 'INVALID_REQUEST', message: (exception as Error).message });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    this.send(reply, 500, { code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', message: '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.' });
  }

  private send(reply: FastifyReply, status: number, body: unknown): void {
    if (reply.sent) return;
    if (body === null || body === undefined) {
      void reply.status(status).send();
      return;
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  }
}
