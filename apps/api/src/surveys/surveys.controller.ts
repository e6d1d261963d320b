import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type FieldError,
  parseSurveyDefinition,
  type SurveyDefinition,
  type SurveyPreviewResponse,
  type SurveyResponse,
} from '@rapport/domain';
import { CurrentTenant, CurrentUser, RequirePermission } from '../access/access.decorators';
import type { UserPrincipal } from '../access/principal';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { PreviewSurveyDto, SaveSurveyDto } from './dto/surveys.dto';
import { SurveyPreviewer } from './survey-previewer';
import { SurveysRepository } from './surveys.repository';

function definitionOf(input: unknown): SurveyDefinition {
  const parsed = parseSurveyDefinition(input);
  if ('problems' in parsed) {
    throw new ValidationFailedError(
      parsed.problems.map((problem: FieldError) => ({ ...problem, field: `definition.${problem.field}` })),
    );
  }
  return parsed.definition;
}

@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly surveys: SurveysRepository,
    private readonly previewer: SurveyPreviewer,
  ) {}

  @RequirePermission('surveys:read')
  @Get()
  list(@CurrentTenant() tenantId: string): Promise<SurveyResponse[]> {
    return this.database.transaction(tenantId, (manager) => this.surveys.list(manager));
  }

  @RequirePermission('surveys:read')
  @Get(':id')
  async get(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<SurveyResponse> {
    const found = await this.database.transaction(tenantId, (manager) => this.surveys.find(manager, id));
    if (!found) throw new NotFoundError('Survey');
    return found;
  }

  @RequirePermission('surveys:write')
  @Post()
  create(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Body() body: SaveSurveyDto,
  ): Promise<SurveyResponse> {
    const definition = definitionOf(body.definition);
    return this.database.transaction(tenantId, async (manager) => {
      if ((await this.surveys.list(manager)).some((survey) => survey.name === body.name.trim()))
        throw new ValidationFailedError([{ field: 'name', reason: 'is the name of another survey' }]);
      const id = await this.surveys.create(manager, body.name.trim(), definition, user.userId);
      return (await this.surveys.find(manager, id)) as SurveyResponse;
    });
  }

  /** Saves the survey as its next version: answers given so far keep the version they answered. */
  @RequirePermission('surveys:write')
  @Put(':id')
  update(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: SaveSurveyDto,
  ): Promise<SurveyResponse> {
    const definition = definitionOf(body.definition);
    return this.database.transaction(tenantId, async (manager) => {
      const others = (await this.surveys.list(manager)).filter((survey) => survey.id !== id);
      if (others.some((survey) => survey.name === body.name.trim()))
        throw new ValidationFailedError([{ field: 'name', reason: 'is the name of another survey' }]);
      if (!(await this.surveys.update(manager, id, body.name.trim(), definition, user.userId)))
        throw new NotFoundError('Survey');
      return (await this.surveys.find(manager, id)) as SurveyResponse;
    });
  }

  /** The survey as a buyer would meet it, unsaved: the email's inline question and the answer page. */
  @RequirePermission('surveys:read')
  @Post('preview')
  @HttpCode(200)
  preview(@CurrentTenant() tenantId: string, @Body() body: PreviewSurveyDto): Promise<SurveyPreviewResponse> {
    const definition = definitionOf(body.definition);
    return this.database.transaction(tenantId, (manager) =>
      this.previewer.preview(manager, definition, body.locale ?? null),
    );
  }
}
