import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BUYER_LOCALES,
  type BuyerLocale,
  type EmailTemplateResponse,
  MESSAGE_KINDS,
  type MessageKind,
  type TemplatePreviewResponse,
} from '@rapport/domain';
import { CurrentTenant, CurrentUser, RequirePermission } from '../access/access.decorators';
import { auditActorOf, type UserPrincipal } from '../access/principal';
import { AuditLog } from '../audit/audit-log';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ValidationFailedError } from '../errors/app-error';
import { ParseOneOf } from '../errors/parse-id.pipe';
import { MailTransport } from '../mail/mail-transport';
import { TenantDatabase } from '../tenancy/tenant-database';
import { PreviewTemplateDto, SaveTemplateDto } from './dto/templates.dto';
import { EmailTemplatesService } from './email-templates.service';
import { previewContext } from './preview-context';

const Kind = () => Param('kind', ParseOneOf(MESSAGE_KINDS, 'kind'));
const Locale = () => Param('locale', ParseOneOf(BUYER_LOCALES, 'locale'));

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly templates: EmailTemplatesService,
    private readonly transport: MailTransport,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every kind of follow-up in every language, the business's own text or the built-in one. */
  @RequirePermission('templates:read')
  @Get()
  list(@CurrentTenant() tenantId: string): Promise<EmailTemplateResponse[]> {
    return this.database.transaction(tenantId, (manager) => this.templates.list(manager));
  }

  @RequirePermission('templates:read')
  @Get(':kind/:locale')
  get(
    @CurrentTenant() tenantId: string,
    @Kind() kind: MessageKind,
    @Locale() locale: BuyerLocale,
  ): Promise<EmailTemplateResponse> {
    return this.database.transaction(tenantId, (manager) => this.templates.get(manager, kind, locale));
  }

  /** Saves a new version; refused with every problem (line and column) when it would not render. */
  @RequirePermission('templates:write')
  @Put(':kind/:locale')
  save(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Kind() kind: MessageKind,
    @Locale() locale: BuyerLocale,
    @Body() body: SaveTemplateDto,
  ): Promise<EmailTemplateResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      // Filled in once with the sample data: what would stop while rendering is never saved to be sent.
      const trial = await this.templates.preview(
        body,
        await previewContext(manager, locale, this.config.publicUrl),
      );
      if (trial.problems.length > 0) throw new ValidationFailedError(trial.problems);
      return this.templates.save(manager, kind, locale, body, user.userId);
    });
  }

  /** Back to the built-in text. */
  @RequirePermission('templates:write')
  @Delete(':kind/:locale')
  reset(
    @CurrentTenant() tenantId: string,
    @Kind() kind: MessageKind,
    @Locale() locale: BuyerLocale,
  ): Promise<EmailTemplateResponse> {
    return this.database.transaction(tenantId, (manager) => this.templates.reset(manager, kind, locale));
  }

  /** Unsaved text as the buyer would see it, for the sample buyer or a chosen customer. */
  @RequirePermission('templates:read')
  @Post(':kind/:locale/preview')
  @HttpCode(200)
  preview(
    @CurrentTenant() tenantId: string,
    @Locale() locale: BuyerLocale,
    @Body() body: PreviewTemplateDto,
  ): Promise<TemplatePreviewResponse> {
    return this.database.transaction(tenantId, async (manager) =>
      this.templates.preview(
        body,
        await previewContext(manager, locale, this.config.publicUrl, body.customerId),
      ),
    );
  }

  /** Sends unsaved text with the sample data to the signed-in person, marked as a test. */
  @RequirePermission('templates:write')
  @Post(':kind/:locale/test')
  @HttpCode(200)
  async sendTest(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Kind() kind: MessageKind,
    @Locale() locale: BuyerLocale,
    @Body() body: PreviewTemplateDto,
  ): Promise<{ sentTo: string }> {
    const email = await this.preview(tenantId, locale, body);
    if (email.problems.length > 0) throw new ValidationFailedError(email.problems);
    await this.transport.send({
      to: user.email,
      from: this.config.mail.from,
      subject: `[Test] ${email.subject}`,
      html: email.html,
      text: email.text,
      category: 'test',
      customArgs: { tenant_id: tenantId },
    });
    // Recorded so the getting-started checklist can tell a test email went out; the address is not logged.
    await this.database.transaction(tenantId, (manager) =>
      this.audit.record(manager, auditActorOf(user), 'template.test_sent', `${kind}/${locale}`),
    );
    return { sentTo: user.email };
  }
}
