import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { SecretBox } from './secret-box';
import { TestDeliveriesService } from './test-deliveries.service';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [OrdersModule],
  controllers: [IntegrationsController, WebhooksController],
  providers: [IntegrationsService, SecretBox, TestDeliveriesService, WebhookDeliveriesRepository],
})
export class IntegrationsModule {}
