import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CaseAssigneeResponse,
  CaseDetailResponse,
  CaseResponse,
  Page,
  ResponseTimesResponse,
} from '@rapport/domain';
import { CurrentTenant, CurrentUser, RequirePermission } from '../access/access.decorators';
import type { UserPrincipal } from '../access/principal';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { CaseWork } from './case-work';
import { CasesRepository } from './cases.repository';
import { responseTimes } from './response-times';
import {
  CaseListQueryDto,
  CaseNoteDto,
  ResponseTimesQueryDto,
  TakeCasesDto,
  UpdateCaseDto,
} from './dto/cases.dto';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';

/** The cases of unhappy buyers: the queue, one case with its history, notes, replies and status. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly cases: CasesRepository,
    private readonly work: CaseWork,
    private readonly settings: BusinessSettingsRepository,
  ) {}

  @RequirePermission('cases:work')
  @Get()
  list(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Query() query: CaseListQueryDto,
  ): Promise<Page<CaseResponse>> {
    return this.database.transaction(tenantId, (manager) =>
      this.cases.list(manager, query, user.userId, new Date()),
    );
  }

  /**
   * Time to first reply and to resolution of the cases opened in [from, to) (default: the last 30 days), for
   * the business and per assignee: what the weekly report shows.
   */
  @RequirePermission('cases:work')
  @Get('response-times')
  responseTimes(
    @CurrentTenant() tenantId: string,
    @Query() query: ResponseTimesQueryDto,
  ): Promise<ResponseTimesResponse> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from.getTime() >= to.getTime())
      throw new ValidationFailedError([{ field: 'from', reason: 'must be before to' }]);
    return this.database.transaction(tenantId, (manager) => responseTimes(manager, from, to));
  }

  /** Who can be given a case: every member, and whether they take cases in the round robin. */
  @RequirePermission('cases:work')
  @Get('assignees')
  assignees(@CurrentTenant() tenantId: string): Promise<CaseAssigneeResponse[]> {
    return this.database.transaction(tenantId, async (manager) => {
      const members = await this.settings.caseTakers(manager);
      return members.map((member) => ({
        id: member.userId,
        name: member.name,
        isOwner: member.role === 'owner',
        takesCases: member.takesCases,
      }));
    });
  }

  /** The signed-in member joins or leaves the round robin of new cases. */
  @RequirePermission('cases:work')
  @Put('assignees/me')
  async takeCases(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Body() body: TakeCasesDto,
  ): Promise<CaseAssigneeResponse[]> {
    await this.database.transaction(tenantId, (manager) =>
      this.settings.setTakesCases(manager, user.userId, body.takesCases),
    );
    return this.assignees(tenantId);
  }

  @RequirePermission('cases:work')
  @Get(':id')
  get(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, (manager) => this.work.detail(manager, id));
  }

  /** Status (resolving needs a reason), assignee. Each change is written into the case's history. */
  @RequirePermission('cases:work')
  @Patch(':id')
  update(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateCaseDto,
  ): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, (manager) => this.work.update(manager, id, user.userId, body));
  }

  @RequirePermission('cases:work')
  @Post(':id/notes')
  @HttpCode(201)
  addNote(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      if (!(await this.cases.find(manager, id, new Date()))) throw new NotFoundError('Case');
      await this.cases.addEntry(manager, id, { kind: 'note', authorId: user.userId, body: body.body.trim() });
      return this.work.detail(manager, id);
    });
  }

  /**
   * Replies to the buyer by email, in the business's colours, through the outbox (so it is sent once, and
   * retried if the provider is down). Their answer to it comes back into this case. The case then waits for
   * the customer.
   */
  @RequirePermission('cases:work')
  @Post(':id/replies')
  @HttpCode(201)
  reply(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, (manager) =>
      this.work.reply(manager, id, user.userId, body.body),
    );
  }
}
