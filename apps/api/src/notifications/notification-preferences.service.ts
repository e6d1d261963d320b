import { Injectable } from '@nestjs/common';
import {
  defaultDelivery,
  NOTIFICATION_KINDS,
  placeTimeZone,
  type NotificationChoices,
  type NotificationPreferencesResponse,
  type UpdateNotificationPreferencesRequest,
} from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { type TenantManager, TenantDatabase } from '../tenancy/tenant-database';
import { type MemberSettingsRow, NotificationSettingsRepository } from './notification-settings.repository';

/** A member's own notification settings in their active business. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly settings: NotificationSettingsRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  get(tenantId: string, userId: string): Promise<NotificationPreferencesResponse> {
    return this.database.transaction(tenantId, async (manager) =>
      this.describe(manager, await this.find(manager, userId)),
    );
  }

  update(
    tenantId: string,
    userId: string,
    body: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferencesResponse> {
    const timeZone = body.timeZone ? placeTimeZone(body.timeZone) : body.timeZone;
    if (timeZone === null && body.timeZone)
      throw new ValidationFailedError([
        { field: 'timeZone', reason: 'must be the time zone of a place, such as Europe/Madrid' },
      ]);
    return this.database.transaction(tenantId, async (manager) => {
      await this.find(manager, userId);
      await this.settings.lock(manager, userId);
      const current = await this.find(manager, userId);
      const choices: NotificationChoices = { ...current.choices };
      for (const kind of NOTIFICATION_KINDS) {
        const chosen = body.choices?.[kind];
        if (chosen === null) delete choices[kind];
        else if (chosen !== undefined) choices[kind] = chosen;
      }
      await this.settings.save(manager, userId, {
        choices,
        summaryHour: body.summaryHour ?? current.summary_hour,
        timeZone: timeZone === undefined ? current.time_zone : timeZone,
      });
      return this.describe(manager, await this.find(manager, userId));
    });
  }

  private async find(manager: TenantManager, userId: string): Promise<MemberSettingsRow> {
    const member = await this.settings.member(manager, userId);
    if (!member) throw new NotFoundError('Membership');
    return member;
  }

  private async describe(
    manager: TenantManager,
    member: MemberSettingsRow,
  ): Promise<NotificationPreferencesResponse> {
    const business = await this.accounts.findTenant(manager);
    return {
      kinds: NOTIFICATION_KINDS.map((kind) => {
        const chosen = member.choices[kind];
        return {
          kind,
          delivery: chosen ?? defaultDelivery(member.role, kind, member.takes_cases),
          isChosen: chosen !== undefined,
        };
      }),
      summaryHour: member.summary_hour,
      timeZone: member.time_zone,
      businessTimeZone: business?.timeZone ?? 'UTC',
    };
  }
}
