import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type IntegrationResponse,
  SHOP_PROVIDERS,
  type ShopProvider,
  type TestDeliveryResponse,
} from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { ValidationFailedError } from '../errors/app-error';
import { ConnectShopDto } from './dto/connect-shop.dto';
import { IntegrationsService } from './integrations.service';
import { TestDeliveriesService } from './test-deliveries.service';

const PROVIDER = () =>
  new ParseEnumPipe(Object.fromEntries(SHOP_PROVIDERS.map((provider) => [provider, provider])), {
    exceptionFactory: () =>
      new ValidationFailedError([
        { field: 'provider', reason: `must be one of ${SHOP_PROVIDERS.join(', ')}` },
      ]),
  });

@ApiTags('integrations')
@Controller('integrations')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly tests: TestDeliveriesService,
  ) {}

  /** Each shop's webhook URL, its secret and its latest deliveries with their result. */
  @RequirePermission('business:manage')
  @Get()
  list(@CurrentTenant() tenantId: string): Promise<IntegrationResponse[]> {
    return this.integrations.list(tenantId);
  }

  @RequirePermission('business:manage')
  @Put(':provider')
  @HttpCode(204)
  connect(
    @CurrentTenant() tenantId: string,
    @Param('provider', PROVIDER()) provider: ShopProvider,
    @Body() body: ConnectShopDto,
  ): Promise<void> {
    return this.integrations.connect(tenantId, provider, body.secret);
  }

  @RequirePermission('business:manage')
  @Delete(':provider')
  @HttpCode(204)
  disconnect(
    @CurrentTenant() tenantId: string,
    @Param('provider', PROVIDER()) provider: ShopProvider,
  ): Promise<void> {
    return this.integrations.disconnect(tenantId, provider);
  }

  /**
   * Posts a sample order, in the shop's format and signed with its secret, to the shop's webhook address
   * over HTTP, and answers whether it was received and verified (or why not). Kept as a test delivery; it
   * creates no buyer, order or follow-up.
   */
  @RequirePermission('business:manage')
  @Post(':provider/test-delivery')
  @HttpCode(200)
  sendTestDelivery(
    @CurrentTenant() tenantId: string,
    @Param('provider', PROVIDER()) provider: ShopProvider,
  ): Promise<TestDeliveryResponse> {
    return this.tests.send(tenantId, provider);
  }
}
