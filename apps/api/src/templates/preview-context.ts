import { type BuyerLocale, DEFAULT_OPINION_DEFINITION } from '@rapport/domain';
import { surveyQuestionContext } from './survey-question';
import { NotFoundError } from '../errors/app-error';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { BUSINESS_COLUMNS, type BusinessRow, type ContextInput, templateContext } from './template-context';
import { queryRow, queryRows } from '../database/query-rows';

const SAMPLE_ORDER = {
  number: '#1001',
  total: '42.50',
  currency: 'EUR',
  products: ['Sourdough loaf', 'Rye bread'],
};

export async function businessOf(manager: TenantManager): Promise<BusinessRow> {
  const business = await queryRow<BusinessRow>(
    manager,
    `SELECT ${BUSINESS_COLUMNS} FROM tenants t WHERE t.id = $1`,
    [tenantIdOf(manager)],
  );
  if (!business) throw new NotFoundError('Business');
  return business;
}

/**
 * What the editor previews with: a sample buyer and order, or a chosen customer and their latest order.
 * Links point at the console's own pages so clicking them in a preview changes nothing.
 */
export async function previewContext(
  manager: TenantManager,
  locale: BuyerLocale,
  publicUrl: string,
  customerId?: string,
): Promise<Record<string, unknown>> {
  const business = await businessOf(manager);
  const sampleAnswerUrl = `${publicUrl}/api/a/preview`;
  const input: ContextInput = {
    business,
    customerName: 'Alex Sample',
    order: SAMPLE_ORDER,
    locale,
    unsubscribeUrl: `${publicUrl}/api/u/preview`,
    surveyUrl: sampleAnswerUrl,
    surveyQuestion: surveyQuestionContext(DEFAULT_OPINION_DEFINITION, locale, business.name, sampleAnswerUrl),
  };
  if (customerId) {
    const customer = await queryRow<{ name: string }>(
      manager,
      `SELECT name FROM customers WHERE tenant_id = $1 AND id = $2 AND erased_at IS NULL`,
      [tenantIdOf(manager), customerId],
    );
    if (!customer) throw new NotFoundError('Customer');
    const order = await queryRow<{ id: string; external_id: string; total: string; currency: string }>(
      manager,
      `SELECT id, external_id, total, currency FROM orders WHERE tenant_id = $1 AND customer_id = $2
        ORDER BY placed_at DESC LIMIT 1`,
      [tenantIdOf(manager), customerId],
    );
    const lines = order
      ? await queryRows<{ product_name: string }>(
          manager,
          `SELECT product_name FROM order_lines WHERE tenant_id = $1 AND order_id = $2 ORDER BY product_name`,
          [tenantIdOf(manager), order.id],
        )
      : [];
    input.customerName = customer.name;
    input.order = order
      ? {
          number: order.external_id,
          total: order.total,
          currency: order.currency,
          products: lines.map((line) => line.product_name),
        }
      : null;
  }
  return templateContext(input);
}
