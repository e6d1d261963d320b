import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';
import { PasswordHasher } from '../accounts/password-hasher';
import { AutomationsRepository } from '../automations/automations.repository';
import { ReplayingBusinesses } from '../automations/replaying-businesses';
import { OrdersService } from '../orders/orders.service';
import { TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import { demoOrders } from './demo-commerce';
import { DemoHistory } from './demo-history';
import { DemoRecords } from './demo-records';
import { execute } from '../database/query-rows';

/** The demo business every fresh install starts with, so each console screen has something to show. */
export const DEMO_LOGIN = { email: 'owner@northwind.example', password: 'bakery-demo-2026' } as const;
/** A colleague with the staff role (same password as the owner), to see the console as staff see it. */
export const DEMO_STAFF = { email: 'sam@northwind.example', name: 'Sam Rivera' } as const;
const DEMO_BUSINESS = { name: 'Northwind Bakery', timeZone: 'Europe/London', locale: 'en', country: 'GB' };

export interface DemoSeedResult {
  created: boolean;
  tenantId: string | null;
}

@Injectable()
export class DemoSeeder {
  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly settings: BusinessSettingsRepository,
    private readonly passwords: PasswordHasher,
    private readonly orders: OrdersService,
    private readonly automations: AutomationsRepository,
    private readonly history: DemoHistory,
    private readonly records: DemoRecords,
    private readonly replaying: ReplayingBusinesses,
  ) {}

  /** Creates the demo business unless its owner already exists: never seeds twice. */
  async seedOnce(): Promise<DemoSeedResult> {
    const existing = await this.database.global((manager) =>
      this.accounts.findUserWithPassword(manager, DEMO_LOGIN.email),
    );
    if (existing) return { created: false, tenantId: null };
    return { created: true, tenantId: await this.create() };
  }

  /** Removes the demo business and its owner, then creates them afresh. */
  async recreate(): Promise<DemoSeedResult> {
    await this.remove();
    return { created: true, tenantId: await this.create() };
  }

  private async create(): Promise<string> {
    const passwordHash = await this.passwords.hash(DEMO_LOGIN.password);
    const owner = await this.database.global((manager) =>
      this.accounts.createUser(manager, { email: DEMO_LOGIN.email, name: 'Olivia Baker', passwordHash }),
    );
    const colleague = await this.database.global((manager) =>
      this.accounts.createUser(manager, { email: DEMO_STAFF.email, name: DEMO_STAFF.name, passwordHash }),
    );
    const now = new Date();
    const orders = demoOrders(now);
    const tenantId = randomUUID();
    // Held from before its orders exist: the ticks must not plan or send its history at today's time.
    this.replaying.hold(tenantId);
    try {
      await this.database.transaction(tenantId, async (manager) => {
        await this.accounts.createTenant(manager, { ...DEMO_BUSINESS, isDemo: true });
        await this.accounts.addMember(manager, owner.id, 'owner');
        await this.accounts.addMember(manager, colleague.id, 'staff');
        await this.automations.createDefaults(manager);
        // Sam takes the new cases; Olivia, the owner, sees them all.
        await this.settings.setTakesCases(manager, colleague.id, true);
        // The footer every email carries: a real business would fill these in under Settings.
        await execute(
          manager,
          `UPDATE tenants SET contact_phone = $2, contact_email = $3, postal_address = $4, sender_name = $5
            WHERE id = $1`,
          [
            tenantIdOf(manager),
            '+44 20 7946 0321',
            'hello@northwind.example',
            '12 Mill Lane, London E1 6AN',
            'Olivia at Northwind Bakery',
          ],
        );
        // CSV is the source of a history brought in at once: each order's events carry its own date.
        for (const order of orders) await this.orders.upsertWithin(manager, 'csv', order);
      });
      const from = new Date(orders[0]?.placedAt ?? now);
      await this.history.replay(tenantId, from, now, { ownerId: owner.id, staffId: colleague.id });
      await this.database.transaction(tenantId, (manager) => this.records.backdate(manager, from));
    } catch (error) {
      // Half a demo is no demo: the next start seeds it again from nothing.
      await this.remove();
      throw error;
    } finally {
      this.replaying.release(tenantId);
    }
    return tenantId;
  }

  private async remove(): Promise<void> {
    const found = await this.database.global((manager) =>
      this.accounts.findUserWithPassword(manager, DEMO_LOGIN.email),
    );
    if (!found) return;
    const memberships = await this.database.asUser(found.user.id, (manager) =>
      this.accounts.membershipsOf(manager, found.user.id),
    );
    for (const membership of memberships) {
      await this.database.transaction(membership.tenantId, (manager) =>
        this.accounts.deleteTenant(manager, { onlyDemo: true }),
      );
    }
    await this.database.global(async (manager) => {
      await this.accounts.deleteUsers(manager, { id: found.user.id });
      await this.accounts.deleteUsers(manager, { email: DEMO_STAFF.email });
    });
  }
}
