import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AutomationResponse,
  DeliveryHealthResponse,
  MessageResponse,
  OrderFollowUpsResponse,
  Page,
  SendNowResponse,
  UpcomingMessageResponse,
} from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { MessagesRepository } from '../outbox/messages.repository';
import { TenantDatabase } from '../tenancy/tenant-database';
import { AutomationsRepository, toResponse } from './automations.repository';
import { AutomationsService } from './automations.service';
import {
  CreateAutomationDto,
  DeliveryHealthQueryDto,
  MessageListQueryDto,
  SendNowDto,
  UpdateAutomationDto,
} from './dto/automations.dto';

@ApiTags('follow-ups')
@Controller()
export class AutomationsController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly rules: AutomationsService,
    private readonly automations: AutomationsRepository,
    private readonly messages: MessagesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Each rule with its plain-language description. */
  @RequirePermission('automations:read')
  @Get('automations')
  listAutomations(@CurrentTenant() tenantId: string): Promise<AutomationResponse[]> {
    return this.database.transaction(tenantId, async (manager) =>
      (await this.automations.list(manager)).map(toResponse),
    );
  }

  /**
   * Changes a rule: on or off, its name, its delay, the fallback of an opinion request. Messages already
   * planned keep their time; the change applies to what is planned from now on.
   */
  @RequirePermission('automations:write')
  @Patch('automations/:id')
  updateAutomation(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateAutomationDto,
  ): Promise<AutomationResponse> {
    return this.database.transaction(tenantId, (manager) => this.rules.update(manager, principal, id, body));
  }

  /** A new rule, on unless told otherwise; it plans follow-ups for the order events that come from now on. */
  @RequirePermission('automations:write')
  @Post('automations')
  createAutomation(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateAutomationDto,
  ): Promise<AutomationResponse> {
    return this.database.transaction(tenantId, (manager) => this.rules.create(manager, principal, body));
  }

  /** Removes a rule; what it planned and did not send yet is cancelled, with the reason. */
  @RequirePermission('automations:write')
  @Delete('automations/:id')
  @HttpCode(204)
  async deleteAutomation(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
  ): Promise<void> {
    await this.database.transaction(tenantId, (manager) => this.rules.remove(manager, principal, id));
  }

  /** Who the rule will write to in the next 7 days: the messages it has planned, soonest first. */
  @RequirePermission('automations:read')
  @Get('automations/:id/upcoming')
  upcoming(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<UpcomingMessageResponse[]> {
    return this.database.transaction(tenantId, (manager) => this.rules.upcoming(manager, id));
  }

  /**
   * Plans a "manual message" to each chosen buyer, due now: the dispatcher sends it at its next tick,
   * within the send window. A buyer who unsubscribed, bounced or complained is left out with the reason.
   */
  @RequirePermission('customers:write')
  @Post('messages/send-now')
  @HttpCode(200)
  sendNow(@CurrentTenant() tenantId: string, @Body() body: SendNowDto): Promise<SendNowResponse> {
    return this.database.transaction(tenantId, (manager) => this.rules.sendNotes(manager, body.customerIds));
  }

  /** Delivered, bounced and complaint shares of the last 7 or 30 days, for the delivery-health card. */
  @RequirePermission('customers:read')
  @Get('messages/health')
  health(
    @CurrentTenant() tenantId: string,
    @Query() query: DeliveryHealthQueryDto,
  ): Promise<DeliveryHealthResponse> {
    const carrier = this.config.mail.sendGridApiKey ? 'sendgrid' : 'development-mailbox';
    return this.database.transaction(tenantId, (manager) =>
      this.messages.health(manager, query.days ?? 30, new Date(), carrier),
    );
  }

  /**
   * Sends one waiting follow-up at the next dispatch (within seconds), outside the send window and past the
   * journey gap: to try a rule out on oneself, or because the buyer is at the counter now.
   */
  @RequirePermission('customers:write')
  @Post('messages/:id/send-now')
  @HttpCode(200)
  sendOneNow(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
  ): Promise<MessageResponse> {
    return this.database.transaction(tenantId, (manager) =>
      this.rules.sendWaitingNow(manager, principal, id),
    );
  }

  /** The emails planned or sent about one order, with the business's time zone to read their times in. */
  @RequirePermission('orders:read')
  @Get('orders/:id/follow-ups')
  async orderFollowUps(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<OrderFollowUpsResponse> {
    const found = await this.database.transaction(tenantId, (manager) => this.messages.forOrder(manager, id));
    if (!found) throw new NotFoundError('Order');
    return found;
  }

  /** The outbox: every planned, sent, skipped or failed follow-up, with the reason when it did not go. */
  @RequirePermission('customers:read')
  @Get('messages')
  listMessages(
    @CurrentTenant() tenantId: string,
    @Query() query: MessageListQueryDto,
  ): Promise<Page<MessageResponse>> {
    return this.database.transaction(tenantId, (manager) => this.messages.list(manager, query));
  }
}
