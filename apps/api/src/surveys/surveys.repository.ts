import { Injectable } from '@nestjs/common';
import { DEFAULT_SURVEYS, type SurveyDefinition, type SurveyResponse } from '@rapport/domain';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

interface SurveyRow {
  id: string;
  name: string;
  current_version: number;
  definition: SurveyDefinition;
  used_by: string[];
  updated_at: Date;
}

/** The version an opinion request carries: what its answers mean, kept as it was. */
export interface SurveyVersion {
  id: string;
  surveyId: string;
  surveyName: string;
  version: number;
  definition: SurveyDefinition;
}

const SURVEY_COLUMNS = `s.id, s.name, s.current_version, v.definition, s.updated_at,
  coalesce((SELECT array_agg(a.name ORDER BY a.name) FROM automations a
             WHERE a.tenant_id = s.tenant_id AND a.survey_id = s.id), '{}') AS used_by`;

function toResponse(row: SurveyRow): SurveyResponse {
  return {
    id: row.id,
    name: row.name,
    version: row.current_version,
    definition: row.definition,
    usedBy: row.used_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * Surveys and their versions. Saving never changes a version: it adds the next one and makes it current, so
 * an answer keeps pointing at the questions its buyer saw.
 */
@Injectable()
export class SurveysRepository {
  async createDefaults(manager: TenantManager): Promise<void> {
    for (const survey of DEFAULT_SURVEYS) await this.create(manager, survey.name, survey.definition, null);
  }

  async list(manager: TenantManager): Promise<SurveyResponse[]> {
    const rows = await queryRows<SurveyRow>(
      manager,
      `SELECT ${SURVEY_COLUMNS} FROM surveys s
         JOIN survey_versions v ON v.tenant_id = s.tenant_id AND v.survey_id = s.id AND v.version = s.current_version
        WHERE s.tenant_id = $1 ORDER BY s.name`,
      [tenantIdOf(manager)],
    );
    return rows.map(toResponse);
  }

  async find(manager: TenantManager, id: string): Promise<SurveyResponse | null> {
    const row = await queryRow<SurveyRow>(
      manager,
      `SELECT ${SURVEY_COLUMNS} FROM surveys s
         JOIN survey_versions v ON v.tenant_id = s.tenant_id AND v.survey_id = s.id AND v.version = s.current_version
        WHERE s.tenant_id = $1 AND s.id = $2`,
      [tenantIdOf(manager), id],
    );
    return row ? toResponse(row) : null;
  }

  async create(
    manager: TenantManager,
    name: string,
    definition: SurveyDefinition,
    userId: string | null,
  ): Promise<string> {
    const [{ id }] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO surveys (tenant_id, name) VALUES ($1, $2) RETURNING id`,
      [tenantIdOf(manager), name],
    );
    await this.addVersion(manager, id, 1, definition, userId);
    return id;
  }

  /** Makes `definition` the survey's next version; false when there is no such survey. */
  async update(
    manager: TenantManager,
    id: string,
    name: string,
    definition: SurveyDefinition,
    userId: string,
  ): Promise<boolean> {
    const [row] = await queryRows<{ current_version: number }>(
      manager,
      `UPDATE surveys SET name = $3, current_version = current_version + 1, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING current_version`,
      [tenantIdOf(manager), id, name],
    );
    if (!row) return false;
    await this.addVersion(manager, id, row.current_version, definition, userId);
    return true;
  }

  /** The current version of a survey, as an opinion request is about to carry it. */
  async current(manager: TenantManager, surveyId: string): Promise<SurveyVersion | null> {
    return this.versionWhere(manager, 'v.survey_id = $2 AND v.version = s.current_version', surveyId);
  }

  async version(manager: TenantManager, versionId: string): Promise<SurveyVersion | null> {
    return this.versionWhere(manager, 'v.id = $2', versionId);
  }

  private async versionWhere(
    manager: TenantManager,
    where: string,
    id: string,
  ): Promise<SurveyVersion | null> {
    const row = await queryRow<{
      id: string;
      survey_id: string;
      name: string;
      version: number;
      definition: SurveyDefinition;
    }>(
      manager,
      `SELECT v.id, v.survey_id, s.name, v.version, v.definition FROM survey_versions v
         JOIN surveys s ON s.tenant_id = v.tenant_id AND s.id = v.survey_id
        WHERE v.tenant_id = $1 AND ${where}`,
      [tenantIdOf(manager), id],
    );
    return row
      ? {
          id: row.id,
          surveyId: row.survey_id,
          surveyName: row.name,
          version: row.version,
          definition: row.definition,
        }
      : null;
  }

  private async addVersion(
    manager: TenantManager,
    surveyId: string,
    version: number,
    definition: SurveyDefinition,
    userId: string | null,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO survey_versions (tenant_id, survey_id, version, definition, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [tenantIdOf(manager), surveyId, version, JSON.stringify(definition), userId],
    );
  }
}
