import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import {
  type NotificationDto,
  type NotificationsPage,
  type NotificationsQuery,
  notificationsQuerySchema,
  type ReadAllNotificationsResult,
} from '@roastery/contracts';
import { ValidQuery } from '@roastery/http';
import { NotificationsService } from './notifications.service';

/** /api/me/notifications: the signed-in subscriber's notices. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('SUBSCRIBER')
@Controller('api/me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@ValidQuery(notificationsQuerySchema) q: NotificationsQuery, @CurrentPrincipal() me: Principal): Promise<NotificationsPage> {
    return this.notifications.list(me.userId, q);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentPrincipal() me: Principal): Promise<ReadAllNotificationsResult> {
    return this.notifications.markAllRead(me.userId);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id') id: string, @CurrentPrincipal() me: Principal): Promise<NotificationDto> {
    return this.notifications.markRead(me.userId, id);
  }
}
