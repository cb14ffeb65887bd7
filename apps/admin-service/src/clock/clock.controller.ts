import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import { CLOCK, type Clock, ClockMovedBackwardsError, SharedClock } from '@roastery/clock';
import { ApiException, ValidBody } from '@roastery/http';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditLogService } from '../audit/audit-log.service';

const setClockSchema = z.strictObject({ now: z.iso.datetime({ offset: true }) });

/** A view of the platform clock. */
export interface ClockDto {
  now: string;
  mode: 'shared' | 'system';
  offsetMs: number;
}

/**
 * /admin/clock: read the platform clock; in sandbox mode move it forward, and every service and
 * the Toss sandbox follow (renewals, notices and dunning happen "months later" in minutes).
 */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/clock')
export class ClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  read(): ClockDto {
    return this.view();
  }

  @Post()
  @HttpCode(200)
  async set(@ValidBody(setClockSchema) body: z.output<typeof setClockSchema>, @CurrentPrincipal() me: Principal): Promise<ClockDto> {
    if (!(this.clock instanceof SharedClock)) throw new ApiException(409, 'INVALID_STATE', 'the clock is the system clock here; it can only be set in sandbox mode');
    const from = this.clock.now();
    try {
      await this.clock.advanceTo(new Date(body.now));
    } catch (e) {
      if (e instanceof ClockMovedBackwardsError) throw new ApiException(409, 'INVALID_STATE', `the clock only moves forward; it is ${e.current.toISOString()}`);
      throw e;
    }
    await this.ds.transaction((em) => this.audit.record(em, { actorId: me.userId, action: 'clock.advance', targetType: 'clock', targetId: 'platform', details: { from: from.toISOString(), to: body.now } }));
    return this.view();
  }

  private view(): ClockDto {
    const shared = this.clock instanceof SharedClock;
    return { now: this.clock.now().toISOString(), mode: shared ? 'shared' : 'system', offsetMs: shared ? (this.clock as SharedClock).offsetMs : 0 };
  }
}
