import { Injectable } from '@nestjs/common';
import {
  BUYER_LOCALES,
  type BuyerLocale,
  type EmailTemplateResponse,
  MESSAGE_KINDS,
  type MessageKind,
  type TemplatePreviewResponse,
} from '@rapport/domain';
import { ValidationFailedError } from '../errors/app-error';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { defaultTemplate } from './default-templates';
import {
  type RenderedEmail,
  TemplateCompiler,
  TemplateRenderError,
  type TemplateSource,
} from './template-compiler';
import { execute, queryRow, queryRows } from '../database/query-rows';

interface TemplateRow {
  kind: MessageKind;
  locale: BuyerLocale;
  subject: string;
  body: string;
  version: number;
  updated_at: Date;
}

function toResponse(
  kind: MessageKind,
  locale: BuyerLocale,
  row: TemplateRow | null | undefined,
): EmailTemplateResponse {
  if (!row)
    return { kind, locale, ...defaultTemplate(kind, locale), isCustom: false, version: 0, updatedAt: null };
  return {
    kind,
    locale,
    subject: row.subject,
    body: row.body,
    isCustom: true,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Templates already read, by business, kind and language. */
export type TemplateLookups = Map<string, Promise<EmailTemplateResponse>>;

/** A business's templates: its own where it saved one, the built-in text elsewhere. */
@Injectable()
export class EmailTemplatesService {
  constructor(private readonly compiler: TemplateCompiler) {}

  async list(manager: TenantManager): Promise<EmailTemplateResponse[]> {
    const rows = await queryRows<TemplateRow>(
      manager,
      `SELECT kind, locale, subject, body, version, updated_at FROM email_templates WHERE tenant_id = $1`,
      [tenantIdOf(manager)],
    );
    return MESSAGE_KINDS.flatMap((kind) =>
      BUYER_LOCALES.map((locale) =>
        toResponse(
          kind,
          locale,
          rows.find((row) => row.kind === kind && row.locale === locale),
        ),
      ),
    );
  }

  async get(manager: TenantManager, kind: MessageKind, locale: BuyerLocale): Promise<EmailTemplateResponse> {
    const row = await queryRow<TemplateRow>(
      manager,
      `SELECT kind, locale, subject, body, version, updated_at FROM email_templates
        WHERE tenant_id = $1 AND kind = $2 AND locale = $3`,
      [tenantIdOf(manager), kind, locale],
    );
    return toResponse(kind, locale, row);
  }

  /** Saves a new version; a template with any problem is refused whole, naming each problem. */
  async save(
    manager: TenantManager,
    kind: MessageKind,
    locale: BuyerLocale,
    source: TemplateSource,
    userId: string | null,
  ): Promise<EmailTemplateResponse> {
    const problems = await this.compiler.check(source);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    await execute(
      manager,
      `INSERT INTO email_templates (tenant_id, kind, locale, subject, body, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, kind, locale) DO UPDATE
         SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by,
             version = email_templates.version + 1, updated_at = now()`,
      [tenantIdOf(manager), kind, locale, source.subject, source.body, userId],
    );
    return this.get(manager, kind, locale);
  }

  /** Goes back to the built-in text. */
  async reset(
    manager: TenantManager,
    kind: MessageKind,
    locale: BuyerLocale,
  ): Promise<EmailTemplateResponse> {
    await execute(manager, `DELETE FROM email_templates WHERE tenant_id = $1 AND kind = $2 AND locale = $3`, [
      tenantIdOf(manager),
      kind,
      locale,
    ]);
    return this.get(manager, kind, locale);
  }

  /**
   * The email for one message, from the template in force for its kind and language. `lookups` lets a
   * caller sending many messages read each business's template once (the dispatcher keeps one per batch).
   */
  async render(
    manager: TenantManager,
    kind: MessageKind,
    locale: BuyerLocale,
    context: object,
    lookups?: TemplateLookups,
  ): Promise<RenderedEmail> {
    const lookupKey = `${tenantIdOf(manager)}:${kind}:${locale}`;
    let lookup = lookups?.get(lookupKey);
    if (!lookup) {
      lookup = this.get(manager, kind, locale);
      lookups?.set(lookupKey, lookup);
    }
    const template = await lookup;
    const key = template.isCustom
      ? `${tenantIdOf(manager)}:${kind}:${locale}:${template.version}`
      : `default:${kind}:${locale}`;
    return this.compiler.render(await this.compiler.compiled(key, template), context);
  }

  /** Renders unsaved text for the editor's preview, without caching it; problems come back instead. */
  async preview(source: TemplateSource, context: object): Promise<TemplatePreviewResponse> {
    const outcome = await this.compiler.build(source);
    if ('problems' in outcome) return { subject: '', html: '', text: '', problems: outcome.problems };
    try {
      return { ...this.compiler.render(outcome.compiled, context), problems: [] };
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      return { subject: '', html: '', text: '', problems: error.details ?? [] };
    }
  }
}
