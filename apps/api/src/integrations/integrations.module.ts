import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { SecretBox } from './secret-box';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [OrdersModule],
  controllers: [IntegrationsController, WebhooksController],
  providers: [IntegrationsService, SecretBox],
})
export class IntegrationsModule {}
