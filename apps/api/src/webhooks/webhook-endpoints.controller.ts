import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CreatedWebhookEndpointResponse,
  EndpointDeliveryResponse,
  Page,
  WebhookEndpointResponse,
} from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { PageQueryDto, pageSize } from '../database/page-query.dto';
import { ParseId } from '../errors/parse-id.pipe';
import { CreateWebhookEndpointDto, UpdateWebhookEndpointDto } from './dto/webhook-endpoint.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/**
 * Where a business's events go: endpoints (URL, the events each wants, a signing secret shown once), each
 * with its delivery log, "send a test event" and "resend". Deliveries are signed (docs/webhooks.md).
 */
@ApiTags('webhooks')
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @RequirePermission('business:manage')
  @Get()
  list(@CurrentTenant() tenantId: string): Promise<WebhookEndpointResponse[]> {
    return this.endpoints.list(tenantId);
  }

  /** A new endpoint; the answer carries its signing secret, shown this once. */
  @RequirePermission('business:manage')
  @Post()
  @HttpCode(201)
  create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointResponse> {
    return this.endpoints.create(tenantId, body);
  }

  @RequirePermission('business:manage')
  @Patch(':id')
  update(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointResponse> {
    return this.endpoints.update(tenantId, id, body);
  }

  @RequirePermission('business:manage')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<void> {
    return this.endpoints.remove(tenantId, id);
  }

  /** Sends a `webhook.test` event to this endpoint; its delivery shows in the log like any other. */
  @RequirePermission('business:manage')
  @Post(':id/test')
  @HttpCode(202)
  test(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<{ eventId: string }> {
    return this.endpoints.sendTest(tenantId, id);
  }

  /** The endpoint's deliveries, newest first: status, the receiver's last answer, tries. */
  @RequirePermission('business:manage')
  @Get(':id/deliveries')
  deliveries(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<EndpointDeliveryResponse>> {
    return this.endpoints.deliveryPage(tenantId, id, { cursor: query.cursor, limit: pageSize(query.limit) });
  }

  /** Sends a delivered or failed delivery again, with the same event id. */
  @RequirePermission('business:manage')
  @Post(':id/deliveries/:deliveryId/resend')
  @HttpCode(202)
  async resend(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Param('deliveryId', ParseId('deliveryId')) deliveryId: string,
  ): Promise<void> {
    await this.endpoints.resend(tenantId, id, deliveryId);
  }
}
