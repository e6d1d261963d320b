import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from './accounts/accounts.module';
import { BusinessesModule } from './businesses/businesses.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { CustomersModule } from './customers/customers.module';
import { PrivacyModule } from './privacy/privacy.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ImportsModule } from './imports/imports.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MailModule } from './mail/mail.module';
import { OrdersModule } from './orders/orders.module';
import { InteractionsModule } from './interactions/interactions.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import type { ConnectionTarget } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { AutomationsModule } from './automations/automations.module';
import { SurveysModule } from './surveys/surveys.module';
import { AnswersModule } from './answers/answers.module';
import { CaseRecordsModule } from './cases/case-records.module';
import { CasesModule } from './cases/cases.module';
import { RepliesModule } from './replies/replies.module';
import { ReportsModule } from './reports/reports.module';
import { GettingStartedModule } from './getting-started/getting-started.module';
import { HealthModule } from './health/health.module';
import { SeedModule } from './seed/seed.module';
import { LoggingModule } from './logging/logging.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { EventsModule } from './events/events.module';
import { JobsModule } from './jobs/jobs.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: ConnectionTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        LoggingModule.forRoot(config.logLevel),
        DatabaseModule.forRoot(database),
        TenancyModule,
        JobsModule,
        EventsModule,
        MailModule,
        RateLimitModule,
        AccountsModule,
        AuditModule,
        AuthModule,
        ApiKeysModule,
        BusinessesModule,
        IdempotencyModule,
        CustomersModule,
        OrdersModule,
        InteractionsModule,
        ReferralsModule,
        IntegrationsModule,
        WebhooksModule,
        NotificationsModule,
        ImportsModule,
        PrivacyModule,
        AutomationsModule,
        SurveysModule,
        AnswersModule.opening(CaseRecordsModule, ReferralsModule),
        CasesModule,
        RepliesModule,
        ReportsModule,
        GettingStartedModule,
        HealthModule,
        SeedModule,
      ],
    };
  }
}
