import { Inject, Injectable } from '@nestjs/common';
import {
  BUYER_LOCALES,
  type BuyerLocale,
  type EnquiryFormResponse,
  type FormValues,
  isEmailAddress,
  templateLocale,
} from '@rapport/domain';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { auditActorOf, type Principal } from '../access/principal';
import { AuditLog } from '../audit/audit-log';
import { TooManyRequestsError } from '../errors/app-error';
import type { PageBrand } from '../answers/buyer-page';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { queryRow } from '../database/query-rows';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { ReferralsRepository } from '../referrals/referrals.repository';
import { renderReferralClosed, renderReferralPage } from '../referrals/referral-page';
import {
  ENQUIRY_FORM_CSS,
  enquiryFormHtml,
  enquiryFormProblems,
  type EnquiryFormValues,
  enquirySnippet,
  FORM_FIELDS,
  renderEnquiryForm,
  renderEnquiryFormBusy,
  renderEnquiryFormClosed,
  renderEnquiryThanks,
} from './enquiry-form-page';
import { type EnquiryFormRow, EnquiryFormsRepository } from './enquiry-forms.repository';
import { InteractionsService } from './interactions.service';

/** A person needs a few seconds to fill the form in; a post sooner than this came from a machine. */
export const FASTEST_HUMAN_MS = 3000;
/** A form shown longer ago than this is shown again with a fresh stamp. */
const FORM_SHOWN_FOR_MS = 86_400_000;

export interface FormPage {
  status: number;
  html: string;
}

interface FoundForm {
  form: EnquiryFormRow;
  brand: PageBrand;
  locale: BuyerLocale;
}

/**
 * Each business's public enquiry form: a hosted page and a snippet for the business's own site, both
 * without script. Spam is held off without a third-party captcha: a field only machines fill in, the time
 * between showing and posting (signed, so it cannot be made up), and limits per address and per business.
 * A post from the snippet has no stamp, so the hosted page shows it back once to confirm.
 */
@Injectable()
export class EnquiryFormService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly forms: EnquiryFormsRepository,
    private readonly interactions: InteractionsService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditLog,
    private readonly referrals: ReferralsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  settingsOf(tenantId: string): Promise<EnquiryFormResponse> {
    return this.database.transaction(tenantId, (manager) => this.describe(manager));
  }

  update(
    tenantId: string,
    principal: Principal,
    changes: { isEnabled?: boolean; newAddress?: boolean },
  ): Promise<EnquiryFormResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      await this.forms.getOrCreate(manager);
      await this.forms.update(manager, changes);
      await this.audit.record(manager, auditActorOf(principal), 'enquiry-form.updated', null, {
        fields: Object.keys(changes),
      });
      return this.describe(manager);
    });
  }

  /** The form as a visitor first sees it. */
  async show(address: string, lang: string | undefined, now: Date): Promise<FormPage> {
    return this.withForm(address, lang, async (found) => ({
      status: 200,
      html: renderEnquiryForm({
        locale: found.locale,
        brand: found.brand,
        action: this.urlOf(address),
        shownToken: shownToken(found.form, now),
      }),
    }));
  }

  /**
   * The page a customer's referral link opens (`<business>.<code>`): a welcome, the code, and the business's
   * enquiry form carrying the code (when the form is on). Opening it records nothing.
   */
  async showReferral(address: string, lang: string | undefined, now: Date): Promise<FormPage> {
    const fallback = isLocale(lang) ? lang : 'en';
    const match = /^([0-9a-f]{32})\.([A-Z2-9]{8})$/.exec(address);
    if (!match?.[1] || !match[2]) return { status: 404, html: renderReferralClosed(fallback) };
    const [, hex, code] = match;
    return this.database.transaction(tenantIdFromHex(hex), async (manager) => {
      const business = await this.businessOf(manager);
      if (!business || !(await this.referrals.referrerOf(manager, code)))
        return { status: 404, html: renderReferralClosed(fallback) };
      const locale = isLocale(lang) ? lang : templateLocale(null, business.locale);
      const brand = { name: business.name, logoUrl: business.logo_url, color: business.brand_color };
      // The form is made the first time anyone needs it (an internal row: nothing a person sees changes).
      const form = await this.forms.getOrCreate(manager);
      const formHtml = form.is_enabled
        ? enquiryFormHtml({
            locale,
            brand,
            action: this.urlOf(`${hex}.${form.key}`),
            shownToken: shownToken(form, now),
            referralCode: code,
          })
        : null;
      return {
        status: 200,
        html: renderReferralPage({ locale, brand, code, form: formHtml, extraCss: ENQUIRY_FORM_CSS }),
      };
    });
  }

  /**
   * A visitor's post: thanked and recorded, shown back to fix or confirm, or quietly dropped (a machine).
   * Checked in one transaction and recorded in another: the business's limit is counted in between, on a
   * connection of its own, so no post holds one connection while it waits for a second.
   */
  async submit(address: string, form: FormValues | null, now: Date): Promise<FormPage> {
    const lang = form ? text(form[FORM_FIELDS.locale]) : undefined;
    let accepted: { found: FoundForm; values: EnquiryFormValues; referralCode: string | null } | null = null;
    const checked = await this.withForm(address, lang, async (found) => {
      const values: EnquiryFormValues = {
        name: text(form?.['name']),
        email: text(form?.['email']),
        phone: text(form?.['phone']),
        message: text(form?.['message'], false),
      };
      const referralCode = text(form?.[FORM_FIELDS.referral]).slice(0, 40) || null;
      const again = (status: number, problems = {}, notice: 'check-again' | null = null): FormPage => ({
        status,
        html: renderEnquiryForm({
          locale: found.locale,
          brand: found.brand,
          action: this.urlOf(address),
          shownToken: shownToken(found.form, now),
          values,
          problems,
          notice,
          referralCode,
        }),
      });
      // A body the browser sent in a form this page cannot read: asked again, with nothing lost but the text.
      if (!form) return again(400, {}, 'check-again');
      // A filled trap is a machine: it is thanked like anyone, and nothing is kept.
      if (text(form[FORM_FIELDS.honeypot]) !== '') return thanks(found);
      const problems = enquiryFormProblems(values, found.locale, isEmailAddress);
      if (Object.keys(problems).length > 0) return again(400, problems);
      if (!isHumanPace(found.form, text(form[FORM_FIELDS.shownAt]), now))
        return again(200, {}, 'check-again');
      accepted = { found, values, referralCode };
      return thanks(found);
    });
    const parsed = parseAddress(address);
    if (!accepted || !parsed) return checked;
    const { found, values, referralCode } = accepted as {
      found: FoundForm;
      values: EnquiryFormValues;
      referralCode: string | null;
    };
    try {
      await this.limiter.hit(RATE_LIMITS.enquiryFormPerBusiness, [parsed.tenantId]);
    } catch (error) {
      if (error instanceof TooManyRequestsError)
        return { status: 429, html: renderEnquiryFormBusy(found.locale, found.brand) };
      throw error;
    }
    await this.database.transaction(parsed.tenantId, async (manager) => {
      // The same words from the same address again (a double click, a replayed page): one enquiry.
      const contact = await this.interactions.formContact(manager, {
        email: values.email,
        name: values.name,
        phone: values.phone,
        locale: found.locale,
      });
      if (await this.interactions.hasRecentSame(manager, contact.id, values.message, now)) return;
      // The team hears of it from the event the service records, each member as they chose.
      await this.interactions.upsertWithin(manager, 'form', 'enquiry', {
        externalId: randomUUID(),
        contact: { email: values.email },
        occurredAt: now.toISOString(),
        message: values.message,
        referralCode: referralCode ?? undefined,
      });
    });
    return checked;
  }

  private async withForm(
    address: string,
    lang: string | undefined,
    work: (found: FoundForm, manager: TenantManager) => Promise<FormPage>,
  ): Promise<FormPage> {
    const parsed = parseAddress(address);
    const fallback = isLocale(lang) ? lang : 'en';
    if (!parsed) return { status: 404, html: renderEnquiryFormClosed(fallback) };
    return this.database.transaction(parsed.tenantId, async (manager) => {
      const form = await this.forms.current(manager);
      if (!form || !sameKey(form.key, parsed.key) || !form.is_enabled)
        return { status: 404, html: renderEnquiryFormClosed(fallback) };
      const business = await this.businessOf(manager);
      if (!business) return { status: 404, html: renderEnquiryFormClosed(fallback) };
      const locale = isLocale(lang) ? lang : templateLocale(null, business.locale);
      const brand = { name: business.name, logoUrl: business.logo_url, color: business.brand_color };
      return work({ form, brand, locale }, manager);
    });
  }

  private businessOf(
    manager: TenantManager,
  ): Promise<{ name: string; locale: string; logo_url: string | null; brand_color: string } | null> {
    return queryRow<{ name: string; locale: string; logo_url: string | null; brand_color: string }>(
      manager,
      `SELECT name, locale, logo_url, brand_color FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
  }

  private async describe(manager: TenantManager): Promise<EnquiryFormResponse> {
    const form = await this.forms.getOrCreate(manager);
    const locale = (await this.businessOf(manager))?.locale ?? 'en';
    const url = this.urlOf(`${tenantIdOf(manager).replace(/-/g, '')}.${form.key}`);
    return { isEnabled: form.is_enabled, url, snippet: enquirySnippet(url, templateLocale(null, locale)) };
  }

  private urlOf(address: string): string {
    return `${this.config.publicUrl}/api/f/${address}`;
  }
}

function thanks(found: FoundForm): FormPage {
  return { status: 200, html: renderEnquiryThanks(found.locale, found.brand) };
}

function isLocale(value: unknown): value is BuyerLocale {
  return (BUYER_LOCALES as readonly unknown[]).includes(value);
}

/** A form field as one trimmed string (a repeated field keeps its first value). */
function text(value: string | string[] | undefined, trim = true): string {
  const first = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return trim ? first.trim() : first.replace(/^\s+|\s+$/g, '');
}

/** `<business id without dashes>.<key>`: the business is named, the key proves the address is current. */
function parseAddress(address: string): { tenantId: string; key: string } | null {
  const match = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/.exec(address);
  if (!match?.[1] || !match[2]) return null;
  return { tenantId: tenantIdFromHex(match[1]), key: match[2] };
}

function tenantIdFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sameKey(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function stamp(form: EnquiryFormRow, shownAt: number): string {
  return createHmac('sha256', form.token_secret).update(String(shownAt)).digest('base64url').slice(0, 32);
}

/** When the form was shown, signed by the form's own secret: `<ms>.<signature>`. */
function shownToken(form: EnquiryFormRow, now: Date): string {
  return `${now.getTime()}.${stamp(form, now.getTime())}`;
}

/** The post carries a stamp this form made, at least a few seconds and at most a day old. */
function isHumanPace(form: EnquiryFormRow, token: string, now: Date): boolean {
  const [at, signature] = token.split('.');
  const shownAt = Number(at);
  if (!at || !signature || !Number.isSafeInteger(shownAt) || !sameKey(stamp(form, shownAt), signature))
    return false;
  const elapsed = now.getTime() - shownAt;
  return elapsed >= FASTEST_HUMAN_MS && elapsed <= FORM_SHOWN_FOR_MS;
}
