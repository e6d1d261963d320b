import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type BusinessResponse,
  type CreateBusinessRequest,
  sendWindowProblem,
  type UpdateBusinessRequest,
} from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import { AutomationsRepository } from '../automations/automations.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { AuditActor } from '../access/principal';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { TenantDatabase } from '../tenancy/tenant-database';
import { AccountsRepository, type TenantChanges, type TenantRow } from '../accounts/accounts.repository';

/** Locales the product speaks; a business's default comes from its country. */
const LOCALE_BY_COUNTRY: Record<string, string> = {
  ES: 'es',
  MX: 'es',
  AR: 'es',
  FR: 'fr',
  BE: 'fr',
  DE: 'de',
  AT: 'de',
};

@Injectable()
export class BusinessesService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditLog,
    private readonly automations: AutomationsRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Another business for a signed-in user, who becomes its owner. */
  create(actor: AuditActor & { userId: string }, input: CreateBusinessRequest): Promise<string> {
    return this.database.transaction(randomUUID(), async (manager) => {
      const tenant = await this.accounts.createTenant(manager, {
        name: input.name.trim(),
        timeZone: input.timeZone,
        country: input.country,
        locale: localeOfCountry(input.country),
      });
      await this.accounts.addMember(manager, actor.userId, 'owner');
      await this.automations.createDefaults(manager);
      await this.audit.record(manager, actor, 'business.created', tenant.name);
      return tenant.id;
    });
  }

  get(tenantId: string): Promise<BusinessResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const tenant = await this.accounts.findTenant(manager);
      if (!tenant) throw new NotFoundError('Business');
      return toResponse(tenant);
    });
  }

  update(tenantId: string, actor: AuditActor, changes: UpdateBusinessRequest): Promise<BusinessResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const tenant = await this.accounts.findTenant(manager);
      if (!tenant) throw new NotFoundError('Business');
      const changed: Record<string, { from: string; to: string }> = {};
      const patch: TenantChanges = {};
      for (const field of ['name', 'timeZone', 'locale', 'country'] as const) {
        const value = changes[field]?.trim();
        if (value !== undefined && value !== tenant[field]) {
          changed[field] = { from: tenant[field], to: value };
          patch[field] = value;
        }
      }
      for (const field of [
        'senderName',
        'senderEmail',
        'contactPhone',
        'contactEmail',
        'postalAddress',
        'logoUrl',
      ] as const) {
        const value = changes[field] === undefined ? undefined : changes[field]?.trim() || null;
        if (value !== undefined && value !== tenant[field]) {
          changed[field] = { from: tenant[field] ?? '', to: value ?? '' };
          patch[field] = value;
        }
      }
      if (changes.brandColor !== undefined && changes.brandColor !== tenant.brandColor) {
        changed['brandColor'] = { from: tenant.brandColor, to: changes.brandColor };
        patch.brandColor = changes.brandColor;
      }
      if (changes.sendWindow !== undefined) {
        const problem = sendWindowProblem(changes.sendWindow);
        if (problem) throw new ValidationFailedError([{ field: 'sendWindow', reason: problem }]);
        const window = {
          opens: changes.sendWindow.opens,
          closes: changes.sendWindow.closes,
          days: [...new Set(changes.sendWindow.days)].sort(),
        };
        if (JSON.stringify(window) !== JSON.stringify(tenant.sendWindow)) {
          changed['sendWindow'] = { from: JSON.stringify(tenant.sendWindow), to: JSON.stringify(window) };
          patch.sendWindow = window;
        }
      }
      if (changes.retentionMonths !== undefined && changes.retentionMonths !== tenant.retentionMonths) {
        changed['retentionMonths'] = {
          from: String(tenant.retentionMonths ?? 'never'),
          to: String(changes.retentionMonths ?? 'never'),
        };
        patch.retentionMonths = changes.retentionMonths;
      }
      if (Object.keys(changed).length === 0) return toResponse(tenant);
      await this.accounts.updateTenant(manager, patch);
      const saved: TenantRow = { ...tenant, ...patch };
      if (changed['sendWindow'] || changed['timeZone']) await this.outbox.retimeWaitingForWindow(manager);
      await this.audit.record(manager, actor, 'business.updated', saved.name, changed);
      return toResponse(saved);
    });
  }

  /**
   * Sending again after a pause (a day's complaint rate passed 0.3%), once staff have looked at why. The
   * next complaint event pauses it again while that day's rate is still above the line.
   */
  resumeSending(tenantId: string, actor: AuditActor): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const tenant = await this.accounts.findTenant(manager);
      if (!tenant) throw new NotFoundError('Business');
      if (!tenant.pausedAt) return;
      const reason = tenant.pausedReason ?? '';
      await this.accounts.updateTenant(manager, { pausedAt: null, pausedReason: null });
      await this.audit.record(manager, actor, 'business.updated', tenant.name, {
        sending: { from: `paused: ${reason}`, to: 'resumed' },
      });
    });
  }

  /** Deletes the business and everything it owns (cascading keys); its sessions fall back to no business. */
  delete(tenantId: string, confirmName: string): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const tenant = await this.accounts.findTenant(manager);
      if (!tenant) throw new NotFoundError('Business');
      if (confirmName.trim() !== tenant.name) {
        throw new ValidationFailedError([
          { field: 'confirmName', reason: "must be the business's name, exactly" },
        ]);
      }
      await this.accounts.deleteTenant(manager);
    });
  }
}

/** A new business speaks its country's language when the product does, else English. */
export function localeOfCountry(country: string): string {
  return LOCALE_BY_COUNTRY[country] ?? 'en';
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

function toResponse(tenant: TenantRow): BusinessResponse {
  return {
    id: tenant.id,
    name: tenant.name,
    timeZone: tenant.timeZone,
    locale: tenant.locale,
    country: tenant.country,
    retentionMonths: tenant.retentionMonths,
    senderName: tenant.senderName,
    senderEmail: tenant.senderEmail,
    contactPhone: tenant.contactPhone,
    contactEmail: tenant.contactEmail,
    postalAddress: tenant.postalAddress,
    brandColor: tenant.brandColor,
    logoUrl: tenant.logoUrl,
    sendWindow: tenant.sendWindow,
    pausedReason: tenant.pausedAt ? tenant.pausedReason : null,
    createdAt: tenant.createdAt.toISOString(),
  };
}
