import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type Page, type PaymentMethodDto, type PaymentMethodSetupDto, type RegisterPaymentMethodRequest, registerPaymentMethodSchema } from '@roastery/contracts';
import { notFound, ValidBody } from '@roastery/http';
import { PaymentMethodsService } from './payment-methods.service';

const idParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('payment method') });

/** /api/payment-methods: the signed-in subscriber's cards. */
@ApiTags('payment-methods')
@ApiBearerAuth()
@Controller('api/payment-methods')
export class PaymentMethodsController {
  constructor(private readonly methods: PaymentMethodsService) {}

  @Get('setup')
  setup(@CurrentPrincipal() me: Principal): Promise<PaymentMethodSetupDto> {
    return this.methods.setup(me.userId);
  }

  /** 201 with the new card; 200 with the same card when the authKey was already exchanged. */
  @Post()
  async register(
    @ValidBody(registerPaymentMethodSchema) body: RegisterPaymentMethodRequest,
    @CurrentPrincipal() me: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentMethodDto> {
    const { method, created } = await this.methods.register(me.userId, body);
    void reply.status(created ? 201 : 200);
    return method;
  }

  /** Own cards, oldest first; a handful at most, so one page. */
  @Get()
  async list(@CurrentPrincipal() me: Principal): Promise<Page<PaymentMethodDto>> {
    const items = await this.methods.list(me.userId);
    return { items, page: 1, size: items.length, total: items.length };
  }

  @Post(':id/default')
  @HttpCode(200)
  setDefault(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<PaymentMethodDto> {
    return this.methods.setDefault(me.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<void> {
    await this.methods.remove(me.userId, id);
  }
}
