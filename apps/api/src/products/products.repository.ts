import { Injectable } from '@nestjs/common';
import type { ProductResponse, UpsertProductRequest } from '@rapport/domain';
import { escapeLike } from '../database/escape-like';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { queryRows } from '../database/query-rows';

interface ProductRow {
  id: string;
  name: string;
  sku: string | null;
  image_url: string | null;
  created_at: Date;
  order_count?: string;
}

@Injectable()
export class ProductsRepository {
  /**
   * The product for an order line: matched by SKU when given, else by exact name (case-blind); created
   * when neither matches. Keeps order imports from multiplying products.
   */
  async resolve(manager: TenantManager, input: UpsertProductRequest): Promise<string> {
    const tenantId = tenantIdOf(manager);
    const sku = input.sku?.trim() || null;
    const name = input.name.trim().slice(0, 200);
    if (sku) {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO products (tenant_id, name, sku, image_url) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, sku) WHERE sku IS NOT NULL DO UPDATE SET updated_at = products.updated_at
         RETURNING id`,
        [tenantId, name, sku, input.imageUrl ?? null],
      );
      return row.id;
    }
    const [existing] = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM products WHERE tenant_id = $1 AND lower(name) = lower($2) ORDER BY created_at LIMIT 1`,
      [tenantId, name],
    );
    if (existing) return existing.id;
    const [created] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO products (tenant_id, name, image_url) VALUES ($1, $2, $3) RETURNING id`,
      [tenantId, name, input.imageUrl ?? null],
    );
    return created.id;
  }

  async list(manager: TenantManager, search?: string): Promise<ProductResponse[]> {
    const values: unknown[] = [tenantIdOf(manager)];
    let filter = '';
    if (search?.trim()) {
      values.push(`%${escapeLike(search.trim().toLowerCase())}%`);
      filter = `AND (lower(p.name) LIKE $2 OR lower(coalesce(p.sku, '')) LIKE $2)`;
    }
    const rows = await queryRows<ProductRow>(
      manager,
      `SELECT p.id, p.name, p.sku, p.image_url, p.created_at,
              (SELECT count(DISTINCT l.order_id) FROM order_lines l WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id) AS order_count
         FROM products p WHERE p.tenant_id = $1 ${filter}
        ORDER BY lower(p.name) LIMIT 500`,
      values,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      sku: row.sku,
      imageUrl: row.image_url,
      createdAt: row.created_at.toISOString(),
      orderCount: Number(row.order_count ?? 0),
    }));
  }
}
