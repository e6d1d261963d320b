import { Injectable } from '@nestjs/common';
import {
  type CustomerListQuery,
  type CustomerSort,
  normalizeEmail,
  normalizeTags,
  type UpdateCustomerRequest,
  type UpsertCustomerRequest,
} from '@rapport/domain';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import {
  decodeCursor,
  decodeSortedCursor,
  encodeCursor,
  encodeSortedCursor,
} from '../database/keyset-cursor';
import { escapeLike } from '../database/escape-like';
import { execute, queryRows } from '../database/query-rows';
import { CUSTOMER_COLUMNS, type CustomerRow } from './customer-row';
import { isCursorKey, ORDER_STATS, SORTED_BY } from './customer-sorts';
import { pageSize } from '../database/page-query.dto';
import { ValidationFailedError } from '../errors/app-error';

/** Every query on buyers, inside the caller's tenant transaction. */
@Injectable()
export class CustomersRepository {
  /**
   * Inserts the buyer, or updates the fields given for the existing one with that email. Returns the row
   * and whether it was new. Fields left out keep their stored value.
   */
  async upsert(
    manager: TenantManager,
    input: UpsertCustomerRequest,
  ): Promise<{ row: CustomerRow; isNew: boolean }> {
    const email = normalizeEmail(input.email);
    const inserted = await queryRows<CustomerRow>(
      manager,
      `INSERT INTO customers AS c (tenant_id, email, name, phone, locale, time_zone, tags, external_ids, consent_basis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, lower(email)) DO NOTHING
       RETURNING ${CUSTOMER_COLUMNS}`,
      [
        tenantIdOf(manager),
        email,
        input.name?.trim() ?? '',
        input.phone ?? null,
        input.locale ?? null,
        input.timeZone ?? null,
        normalizeTags(input.tags ?? []),
        JSON.stringify(input.externalIds ?? {}),
        input.consentBasis ?? 'unknown',
      ],
    );
    if (inserted[0]) return { row: inserted[0], isNew: true };
    const existing = await this.findByEmail(manager, email, true);
    if (!existing) throw new Error('A customer row vanished between insert and update');
    const updated = await this.update(manager, existing.id, input, input.externalIds);
    return { row: updated ?? existing, isNew: false };
  }

  /**
   * The buyer with this email as they are, or a new one with what is given: for what a stranger sends (the
   * public enquiry form), which may add a person but never change one. The row stays locked until the
   * caller's transaction ends, so two posts for one person are handled one after the other.
   */
  async createIfNew(
    manager: TenantManager,
    input: { email: string; name: string; phone: string | null; locale: string | null },
  ): Promise<{ id: string }> {
    const email = normalizeEmail(input.email);
    const [inserted] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO customers (tenant_id, email, name, phone, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, lower(email)) DO NOTHING RETURNING id`,
      [tenantIdOf(manager), email, input.name.trim(), input.phone, input.locale],
    );
    if (inserted) return inserted;
    const existing = await this.findByEmail(manager, email, true);
    if (!existing) throw new Error('A customer row vanished between insert and read');
    return { id: existing.id };
  }

  /** Updates only the fields present; external ids are merged, never dropped. */
  async update(
    manager: TenantManager,
    id: string,
    changes: UpdateCustomerRequest,
    externalIds?: Record<string, string>,
  ): Promise<CustomerRow | null> {
    const assignments: [column: string, expression: string][] = [];
    const values: unknown[] = [tenantIdOf(manager), id];
    const set = (column: string, value: unknown, expression = (parameter: string) => parameter) => {
      values.push(value);
      assignments.push([column, expression(`$${values.length}`)]);
    };
    const text = (parameter: string) => `${parameter}::text`;
    if (changes.name !== undefined && changes.name.trim() !== '') set('name', changes.name.trim(), text);
    if (changes.phone !== undefined) set('phone', changes.phone, text);
    if (changes.locale !== undefined) set('locale', changes.locale, text);
    if (changes.timeZone !== undefined) set('time_zone', changes.timeZone, text);
    if (changes.tags !== undefined)
      set('tags', normalizeTags(changes.tags), (parameter) => `${parameter}::text[]`);
    if (changes.consentBasis !== undefined) set('consent_basis', changes.consentBasis, text);
    if (externalIds && Object.keys(externalIds).length > 0) {
      set(
        'external_ids',
        JSON.stringify(externalIds),
        (parameter) => `c.external_ids || ${parameter}::jsonb`,
      );
    }
    if (assignments.length === 0) return this.findById(manager, id);
    // Only rows that really change are written: importing the same buyer twice changes nothing.
    const rows = await queryRows<CustomerRow>(
      manager,
      `UPDATE customers c
          SET ${assignments.map(([column, expression]) => `${column} = ${expression}`).join(', ')}, updated_at = now()
        WHERE c.tenant_id = $1 AND c.id = $2
          AND (${assignments.map(([column, expression]) => `c.${column} IS DISTINCT FROM ${expression}`).join(' OR ')})
        RETURNING ${CUSTOMER_COLUMNS}`,
      values,
    );
    return rows[0] ?? this.findById(manager, id);
  }

  async findById(manager: TenantManager, id: string): Promise<CustomerRow | null> {
    const rows = await queryRows<CustomerRow>(
      manager,
      `SELECT ${CUSTOMER_COLUMNS}, stats.order_count, stats.last_order_at
         FROM customers c ${ORDER_STATS}
        WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantIdOf(manager), id],
    );
    return rows[0] ?? null;
  }

  async findByEmail(manager: TenantManager, email: string, forUpdate = false): Promise<CustomerRow | null> {
    const rows = await queryRows<CustomerRow>(
      manager,
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c
        WHERE c.tenant_id = $1 AND lower(c.email) = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [tenantIdOf(manager), normalizeEmail(email)],
    );
    return rows[0] ?? null;
  }

  /**
   * Newest first unless `query.sort` asks for another order; `search` matches any part of the name or email
   * (trigram index when newest first).
   */
  async list(
    manager: TenantManager,
    query: CustomerListQuery,
  ): Promise<{ rows: CustomerRow[]; nextCursor: string | null }> {
    if (query.sort && query.sort !== 'newest') return this.sortedPage(manager, query, query.sort);
    const limit = pageSize(query.limit);
    const [after, afterId] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    const search = query.search?.trim().toLowerCase();
    const tag = query.tag?.trim().toLowerCase() || null;
    const state = query.subscriptionState ?? null;
    // The general filtered page also takes the prospect/customer filter, which the search index does not.
    const byAnswers = query.hasAnswered !== undefined || query.band !== undefined || query.kind !== undefined;
    const rows: CustomerRow[] = byAnswers
      ? await this.answerFilteredPage(
          manager,
          query,
          search ? `%${escapeLike(search)}%` : null,
          after,
          afterId,
          limit,
        )
      : search
        ? await this.searchPage(manager, {
            pattern: `%${escapeLike(search)}%`,
            tag,
            state,
            after,
            afterId,
            limit,
          })
        : await queryRows<CustomerRow>(
            manager,
            `SELECT ${CUSTOMER_COLUMNS}, stats.order_count, stats.last_order_at
             FROM (SELECT * FROM customers c
                    WHERE c.tenant_id = $1 AND c.erased_at IS NULL
                      AND ($2::text IS NULL OR c.tags @> ARRAY[$2::text])
                      AND ($3::text IS NULL OR c.subscription_state = $3)
                      AND ($4::timestamptz IS NULL OR (c.created_at, c.id) < ($4::timestamptz, $5::uuid))
                    ORDER BY c.created_at DESC, c.id DESC LIMIT $6) c
             ${ORDER_STATS}
            ORDER BY c.created_at DESC, c.id DESC`,
            [tenantIdOf(manager), tag, state, after, afterId, limit + 1],
          );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rows: page,
      nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }

  /**
   * A page in another order than newest first, every filter applied. The order needs every matching buyer's
   * order figures, so it reads the business's buyers whole (no trigram index for a search): fine for the
   * thousands of buyers a small business has.
   */
  private async sortedPage(
    manager: TenantManager,
    query: CustomerListQuery,
    sort: Exclude<CustomerSort, 'newest'>,
  ): Promise<{ rows: CustomerRow[]; nextCursor: string | null }> {
    const limit = pageSize(query.limit);
    const { keys, direction } = SORTED_BY[sort];
    const search = query.search?.trim().toLowerCase();
    const values: unknown[] = [
      tenantIdOf(manager),
      query.tag?.trim().toLowerCase() || null,
      query.subscriptionState ?? null,
      search ? `%${escapeLike(search)}%` : null,
      query.hasAnswered ?? null,
      query.band ?? null,
      query.kind ?? null,
    ];
    const columns = keys.map(([expression], index) => `${expression} AS sort_key_${index}`);
    const ordered = [...keys.map((_key, index) => `s.sort_key_${index}`), 's.id'];
    let after = '';
    if (query.cursor) {
      const [cursorKeys, cursorId] = decodeSortedCursor(query.cursor, sort, keys.length);
      // The cursor comes back from the client: each key must read as its type, or the cast would fail.
      if (!keys.every(([, type], index) => isCursorKey(cursorKeys[index] ?? '', type)))
        throw new ValidationFailedError([
          { field: 'cursor', reason: 'is not a cursor from a previous page of this order' },
        ]);
      const placeholders = keys.map(([, type], index) => {
        values.push(cursorKeys[index]);
        return `$${values.length}::${type}`;
      });
      values.push(cursorId);
      placeholders.push(`$${values.length}::uuid`);
      after = `WHERE (${ordered.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${placeholders.join(', ')})`;
    }
    values.push(limit + 1);
    const rows = await queryRows<CustomerRow & Record<`sort_key_${number}`, string>>(
      manager,
      `SELECT * FROM (
         SELECT ${CUSTOMER_COLUMNS}, stats.order_count, stats.last_order_at, ${columns.join(', ')},
                ${keys.map(([expression], index) => `(${expression})::text AS sort_text_${index}`).join(', ')}
           FROM customers c ${ORDER_STATS}
          WHERE c.tenant_id = $1 AND c.erased_at IS NULL
            AND ($2::text IS NULL OR c.tags @> ARRAY[$2::text])
            AND ($3::text IS NULL OR c.subscription_state = $3)
            AND ($4::text IS NULL OR lower(c.name || ' ' || c.email) LIKE $4)
            AND ($5::boolean IS NULL OR EXISTS (
                  SELECT 1 FROM answers a WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id) = $5)
            AND ($6::text IS NULL OR (
                  SELECT a.band FROM answers a
                   WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id AND a.band IS NOT NULL
                   ORDER BY a.answered_at DESC LIMIT 1) = $6)
            AND ($7::text IS NULL OR (c.became_customer_at IS NOT NULL) = ($7 = 'customer'))) s
       ${after}
       ORDER BY ${ordered.map((column) => `${column} ${direction}`).join(', ')}
       LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1] as (CustomerRow & Record<string, string>) | undefined;
    return {
      rows: page,
      nextCursor:
        rows.length > limit && last
          ? encodeSortedCursor(
              sort,
              keys.map((_key, index) => String(last[`sort_text_${index}`])),
              last.id,
            )
          : null,
    };
  }

  /**
   * A page filtered by what buyers answered: whether they ever did, and the band of their latest score.
   * With a search it matches the name or email without the trigram index (the answer filters narrow first).
   */
  private answerFilteredPage(
    manager: TenantManager,
    query: CustomerListQuery,
    pattern: string | null,
    after: string | null,
    afterId: string | null,
    limit: number,
  ): Promise<CustomerRow[]> {
    return queryRows<CustomerRow>(
      manager,
      `SELECT ${CUSTOMER_COLUMNS}, stats.order_count, stats.last_order_at
         FROM (SELECT * FROM customers c
                WHERE c.tenant_id = $1 AND c.erased_at IS NULL
                  AND ($2::text IS NULL OR c.tags @> ARRAY[$2::text])
                  AND ($3::text IS NULL OR c.subscription_state = $3)
                  AND ($4::timestamptz IS NULL OR (c.created_at, c.id) < ($4::timestamptz, $5::uuid))
                  AND ($7::text IS NULL OR lower(c.name) LIKE $7 OR lower(c.email) LIKE $7)
                  AND ($8::boolean IS NULL OR EXISTS (
                        SELECT 1 FROM answers a WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id) = $8)
                  AND ($9::text IS NULL OR (
                        SELECT a.band FROM answers a
                         WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id AND a.band IS NOT NULL
                         ORDER BY a.answered_at DESC LIMIT 1) = $9)
                  AND ($10::text IS NULL OR (c.became_customer_at IS NOT NULL) = ($10 = 'customer'))
                ORDER BY c.created_at DESC, c.id DESC LIMIT $6) c
         ${ORDER_STATS}
        ORDER BY c.created_at DESC, c.id DESC`,
      [
        tenantIdOf(manager),
        query.tag?.trim().toLowerCase() || null,
        query.subscriptionState ?? null,
        after,
        afterId,
        limit + 1,
        pattern,
        query.hasAnswered ?? null,
        query.band ?? null,
        query.kind ?? null,
      ],
    );
  }

  /** Ids from the indexed search function (see the AddCustomerSearch migration), rows read back under RLS. */
  private async searchPage(
    manager: TenantManager,
    input: {
      pattern: string;
      tag: string | null;
      state: string | null;
      after: string | null;
      afterId: string | null;
      limit: number;
    },
  ): Promise<CustomerRow[]> {
    return queryRows<CustomerRow>(
      manager,
      `SELECT ${CUSTOMER_COLUMNS}, stats.order_count, stats.last_order_at
         FROM search_customer_ids($2, $3, $4, $5, $6, $7) found
         JOIN customers c ON c.tenant_id = $1 AND c.id = found.id
         ${ORDER_STATS}
        ORDER BY c.created_at DESC, c.id DESC`,
      [
        tenantIdOf(manager),
        input.pattern,
        input.tag,
        input.state,
        input.after,
        input.afterId,
        input.limit + 1,
      ],
    );
  }

  /**
   * The person became a customer at `at` (an order, a completed job): kept as the earliest such moment, so
   * an older order imported later moves it back.
   */
  async markCustomer(
    manager: TenantManager,
    customerId: string,
    at: Date,
  ): Promise<{ referredBy: string | null; referredAt: Date | null; isFirstTime: boolean } | null> {
    const [row] = await queryRows<{
      referred_by: string | null;
      referred_at: Date | null;
      was_prospect: boolean;
    }>(
      manager,
      `UPDATE customers c SET became_customer_at = least(coalesce(c.became_customer_at, $3), $3), updated_at = now()
         FROM (SELECT id, became_customer_at IS NULL AS was_prospect FROM customers
                WHERE tenant_id = $1 AND id = $2 FOR UPDATE) before
        WHERE c.tenant_id = $1 AND c.id = before.id
          AND c.became_customer_at IS DISTINCT FROM least(coalesce(c.became_customer_at, $3), $3)
        RETURNING c.referred_by, c.referred_at, before.was_prospect`,
      [tenantIdOf(manager), customerId, at],
    );
    return row
      ? {
          referredBy: row.referred_by,
          referredAt: row.referred_at ? new Date(row.referred_at) : null,
          isFirstTime: row.was_prospect,
        }
      : null;
  }

  /**
   * Records that a prospect came through a customer's recommendation; only the first recommendation of a
   * person who is not a customer yet counts, and no one recommends themselves. True when it was recorded.
   */
  async markReferred(
    manager: TenantManager,
    customerId: string,
    referrerId: string,
    at: Date,
  ): Promise<boolean> {
    const updated = await execute(
      manager,
      `UPDATE customers SET referred_by = $3, referred_at = $4, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND id <> $3 AND referred_by IS NULL AND became_customer_at IS NULL`,
      [tenantIdOf(manager), customerId, referrerId, at],
    );
    return updated > 0;
  }

  /** Notes that the person who recommended this customer was thanked; true only the first time. */
  async markReferrerThanked(manager: TenantManager, customerId: string, at: Date): Promise<boolean> {
    const updated = await execute(
      manager,
      `UPDATE customers SET referrer_thanked_at = $3, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND referred_by IS NOT NULL AND referrer_thanked_at IS NULL`,
      [tenantIdOf(manager), customerId, at],
    );
    return updated > 0;
  }

  /**
   * Stops email to a buyer who takes it (unsubscribed, bounced, complained), with the reason shown on their
   * page; a buyer already stopped keeps the first state and reason.
   */
  async stopEmail(
    manager: TenantManager,
    customerId: string,
    state: 'bounced' | 'complained' | 'unsubscribed',
    reason: string,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE customers SET subscription_state = $3, subscription_changed_at = now(), subscription_reason = $4,
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND subscription_state = 'subscribed'`,
      [tenantIdOf(manager), customerId, state, reason],
    );
  }
}
