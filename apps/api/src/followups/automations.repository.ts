import { Injectable } from '@nestjs/common';
import {
  type AutomationConditions,
  type AutomationResponse,
  type AutomationRule,
  type AutomationTrigger,
  DEFAULT_AUTOMATIONS,
  DEFAULT_OPINION_SURVEY,
  delayMs,
  describeRule,
} from '@rapport/domain';
import { SurveysRepository } from '../surveys/surveys.repository';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

export interface AutomationRow {
  id: string;
  name: string;
  trigger: AutomationTrigger;
  delay_minutes: number;
  fallback_after_placed_days: number | null;
  kind: 'thank-you' | 'opinion-request';
  template_name: string;
  conditions: AutomationConditions;
  is_enabled: boolean;
  survey_id: string | null;
  survey_name: string | null;
}

/** The rule as the API answers it: its settings, its words and its survey. */
export function toResponse(row: AutomationRow): AutomationResponse {
  const rule = toRule(row);
  return {
    id: row.id,
    ...rule,
    description: describeRule(rule),
    survey: row.survey_id && row.survey_name ? { id: row.survey_id, name: row.survey_name } : null,
  };
}

export function toRule(row: AutomationRow): AutomationRule {
  const minutes = row.delay_minutes;
  const delay =
    minutes % 1440 === 0
      ? { amount: minutes / 1440, unit: 'days' as const }
      : minutes % 60 === 0
        ? { amount: minutes / 60, unit: 'hours' as const }
        : { amount: minutes, unit: 'minutes' as const };
  return {
    name: row.name,
    trigger: row.trigger,
    delay,
    fallbackAfterPlacedDays: row.fallback_after_placed_days,
    kind: row.kind,
    templateName: row.template_name,
    conditions: row.conditions,
    isEnabled: row.is_enabled,
  };
}

@Injectable()
export class AutomationsRepository {
  constructor(private readonly surveys: SurveysRepository) {}

  /** A new business starts with the default surveys and rules, enabled; the opinion request carries a survey. */
  async createDefaults(manager: TenantManager): Promise<void> {
    await this.surveys.createDefaults(manager);
    for (const rule of DEFAULT_AUTOMATIONS) {
      await manager.query(
        `INSERT INTO automations (tenant_id, name, trigger, delay_minutes, fallback_after_placed_days, kind, template_name,
                                  is_enabled, survey_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 CASE WHEN $6 = 'opinion-request' THEN (SELECT id FROM surveys WHERE tenant_id = $1 AND name = $9) END)`,
        [
          tenantIdOf(manager),
          rule.name,
          rule.trigger,
          delayMs(rule.delay) / 60_000,
          rule.fallbackAfterPlacedDays,
          rule.kind,
          rule.templateName,
          rule.isEnabled,
          DEFAULT_OPINION_SURVEY,
        ],
      );
    }
  }

  list(manager: TenantManager): Promise<AutomationRow[]> {
    return manager.query(
      `SELECT a.id, a.name, a.trigger, a.delay_minutes, a.fallback_after_placed_days, a.kind, a.template_name,
              a.conditions, a.is_enabled, a.survey_id, s.name AS survey_name
         FROM automations a LEFT JOIN surveys s ON s.tenant_id = a.tenant_id AND s.id = a.survey_id
        WHERE a.tenant_id = $1
        -- In the order a buyer meets them: by the step of the order, then by delay.
        ORDER BY array_position(ARRAY['order_placed', 'order_fulfilled', 'order_delivered'], a.trigger), a.delay_minutes, a.name`,
      [tenantIdOf(manager)],
    );
  }
}
