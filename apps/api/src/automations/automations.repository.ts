import { Injectable } from '@nestjs/common';
import {
  type AutomationConditions,
  type AutomationResponse,
  type AutomationRule,
  AUTOMATION_TRIGGERS,
  type AutomationTrigger,
  DEFAULT_AUTOMATIONS,
  DEFAULT_OPINION_SURVEY,
  delayMs,
  describeRule,
  RULE_TEMPLATE_NAMES,
} from '@rapport/domain';
import { execute, queryRows } from '../database/query-rows';
import { SurveysRepository } from '../surveys/surveys.repository';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

export interface AutomationRow {
  id: string;
  name: string;
  trigger: AutomationTrigger;
  delay_minutes: number;
  fallback_after_placed_days: number | null;
  kind: AutomationRule['kind'];
  template_name: string;
  conditions: AutomationConditions;
  is_enabled: boolean;
  stops_when_customer: boolean;
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
    stopsWhenCustomer: row.stops_when_customer,
  };
}

/** What an update of a rule may change; undefined leaves a field as it is, null clears a nullable one. */
export interface AutomationChanges {
  isEnabled?: boolean;
  name?: string;
  delayMinutes?: number;
  fallbackAfterPlacedDays?: number | null;
  conditions?: AutomationConditions;
  surveyId?: string | null;
  trigger?: AutomationTrigger;
  stopsWhenCustomer?: boolean;
}

export interface NewAutomation {
  name: string;
  trigger: AutomationTrigger;
  delayMinutes: number;
  fallbackAfterPlacedDays: number | null;
  kind: AutomationRow['kind'];
  conditions: AutomationConditions;
  isEnabled: boolean;
  surveyId: string | null;
  stopsWhenCustomer: boolean;
}

@Injectable()
export class AutomationsRepository {
  constructor(private readonly surveys: SurveysRepository) {}

  /**
   * A new business starts with the default surveys and rules (a shop's on, the others off); the opinion
   * requests carry a survey.
   */
  async createDefaults(manager: TenantManager): Promise<void> {
    await this.surveys.createDefaults(manager);
    for (const rule of DEFAULT_AUTOMATIONS) {
      await execute(
        manager,
        `INSERT INTO automations (tenant_id, name, trigger, delay_minutes, fallback_after_placed_days, kind, template_name,
                                  is_enabled, stops_when_customer, survey_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10,
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
          rule.stopsWhenCustomer,
        ],
      );
    }
  }

  list(manager: TenantManager): Promise<AutomationRow[]> {
    return queryRows<AutomationRow>(
      manager,
      `SELECT a.id, a.name, a.trigger, a.delay_minutes, a.fallback_after_placed_days, a.kind, a.template_name,
              a.conditions, a.is_enabled, a.stops_when_customer, a.survey_id, s.name AS survey_name
         FROM automations a LEFT JOIN surveys s ON s.tenant_id = a.tenant_id AND s.id = a.survey_id
        WHERE a.tenant_id = $1
        -- In the order a person meets them: by the step of the order (or enquiry, quote, appointment), then by delay.
        ORDER BY array_position($2::text[], a.trigger), a.delay_minutes, a.name`,
      [tenantIdOf(manager), AUTOMATION_TRIGGERS],
    );
  }

  /** Whether the rule exists in this business. */
  async exists(manager: TenantManager, id: string): Promise<boolean> {
    const found = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM automations WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id],
    );
    return found.length > 0;
  }

  /** Changes what is given (undefined leaves a field as it is); false when the rule does not exist. */
  async update(manager: TenantManager, id: string, changes: AutomationChanges): Promise<boolean> {
    const updated = await queryRows<{ id: string }>(
      manager,
      `UPDATE automations
          SET is_enabled = coalesce($3, is_enabled), name = coalesce($4, name),
              delay_minutes = coalesce($5, delay_minutes),
              fallback_after_placed_days = CASE WHEN $6 THEN $7 ELSE fallback_after_placed_days END,
              conditions = coalesce($8::jsonb, conditions),
              survey_id = CASE WHEN $9 THEN $10::uuid ELSE survey_id END,
              trigger = coalesce($11, trigger),
              stops_when_customer = coalesce($12, stops_when_customer),
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [
        tenantIdOf(manager),
        id,
        changes.isEnabled ?? null,
        changes.name ?? null,
        changes.delayMinutes ?? null,
        changes.fallbackAfterPlacedDays !== undefined,
        changes.fallbackAfterPlacedDays ?? null,
        changes.conditions === undefined ? null : JSON.stringify(changes.conditions),
        changes.surveyId !== undefined,
        changes.surveyId ?? null,
        changes.trigger ?? null,
        changes.stopsWhenCustomer ?? null,
      ],
    );
    return updated.length > 0;
  }

  async create(manager: TenantManager, rule: NewAutomation): Promise<string> {
    const [created] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO automations (tenant_id, name, trigger, delay_minutes, fallback_after_placed_days, kind, template_name,
                                conditions, is_enabled, survey_id, stops_when_customer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        tenantIdOf(manager),
        rule.name,
        rule.trigger,
        rule.delayMinutes,
        rule.fallbackAfterPlacedDays,
        rule.kind,
        RULE_TEMPLATE_NAMES[rule.kind],
        JSON.stringify(rule.conditions),
        rule.isEnabled,
        rule.surveyId,
        rule.stopsWhenCustomer,
      ],
    );
    if (!created) throw new Error('the rule was not created');
    return created.id;
  }

  /** Deletes the rule; its name, or null when it did not exist. */
  async remove(manager: TenantManager, id: string): Promise<string | null> {
    const [deleted] = await queryRows<{ name: string }>(
      manager,
      `DELETE FROM automations WHERE tenant_id = $1 AND id = $2 RETURNING name`,
      [tenantIdOf(manager), id],
    );
    return deleted?.name ?? null;
  }
}
