import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import type { Page } from '@roastery/contracts';
import { notFound, ValidQuery } from '@roastery/http';
import { z } from 'zod';
import { type DeadLetterDto, DeadLettersService } from './dead-letters.service';

const listSchema = z.strictObject({
  status: z.enum(['open', 'replayed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

/** /admin/dead-letters: inspect failed messages and replay one to its original queue. */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  list(@ValidQuery(listSchema) q: z.output<typeof listSchema>): Promise<Page<DeadLetterDto>> {
    return this.deadLetters.list(q.status, q.page, q.size);
  }

  @Post(':id/replay')
  @HttpCode(200)
  replay(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('dead letter') })) id: string, @CurrentPrincipal() me: Principal): Promise<DeadLetterDto> {
    return this.deadLetters.replay(me.userId, id);
  }
}
