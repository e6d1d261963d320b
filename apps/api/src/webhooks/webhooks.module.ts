import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SecretBox } from '../integrations/secret-box';
import { MailModule } from '../mail/mail.module';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/** Outgoing webhooks: a business's endpoints and the signed delivery of its events to them. */
@Module({
  imports: [AccountsModule, MailModule],
  controllers: [WebhookEndpointsController],
  providers: [WebhookEndpointsRepository, WebhookEndpointsService, WebhookDeliveries, SecretBox],
})
export class WebhooksModule {}
