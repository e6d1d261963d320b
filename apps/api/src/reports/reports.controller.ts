import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ReportSettings, WeeklyReportResponse, WeeklyReportSummary } from '@rapport/domain';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CurrentTenant, CurrentUser, RequirePermission } from '../access/access.decorators';
import type { UserPrincipal } from '../access/principal';
import { ValidationFailedError } from '../errors/app-error';
import { TenantDatabase, type TenantManager } from '../tenancy/tenant-database';
import { renderReportPdf } from './report-pdf';
import { WeeklyReportsService } from './weekly-reports.service';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';

export class ReportScheduleDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday ... 7 Sunday' })
  @Max(7)
  @Min(1)
  @IsInt({ message: 'must be a whole number' })
  weekday: number;

  @ApiProperty({ minimum: 0, maximum: 23, description: "Hour of the day in the business's time zone" })
  @Max(23)
  @Min(0)
  @IsInt({ message: 'must be a whole number' })
  hour: number;
}

export class ReportRecipientDto {
  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  receivesReport: boolean;
}

const WeekStart = () => Param('weekStart');

/** The weekly reports: their archive, one week's report (as JSON or PDF), its email on demand, and when it goes. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly reports: WeeklyReportsService,
    private readonly businessSettings: BusinessSettingsRepository,
  ) {}

  /** The last 26 weeks, newest first: which were stored and emailed. */
  @RequirePermission('reports:read')
  @Get()
  archive(@CurrentTenant() tenantId: string): Promise<WeeklyReportSummary[]> {
    return this.database.transaction(tenantId, (manager) => this.reports.archive(manager, new Date()));
  }

  @RequirePermission('reports:read')
  @Get('settings')
  settings(@CurrentTenant() tenantId: string, @CurrentUser() user: UserPrincipal): Promise<ReportSettings> {
    return this.database.transaction(tenantId, (manager) => this.readSettings(manager, user.userId));
  }

  /** The weekday and hour (in the business's time zone) the report goes out. */
  @RequirePermission('business:manage')
  @Put('settings')
  schedule(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Body() body: ReportScheduleDto,
  ): Promise<ReportSettings> {
    return this.database.transaction(tenantId, async (manager) => {
      await this.businessSettings.saveReportTime(manager, body.weekday, body.hour);
      return this.readSettings(manager, user.userId);
    });
  }

  /** An admin asks for the weekly report (owners always get it). */
  @RequirePermission('reports:read')
  @Put('settings/me')
  receive(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Body() body: ReportRecipientDto,
  ): Promise<ReportSettings> {
    return this.database.transaction(tenantId, async (manager) => {
      const { role } = await this.businessSettings.reportSchedule(manager, user.userId);
      if (role !== 'admin')
        throw new ValidationFailedError([
          {
            field: 'receivesReport',
            reason: role === 'owner' ? 'is always true for owners' : 'is for owners and admins only',
          },
        ]);
      await this.businessSettings.setReceivesReport(manager, user.userId, body.receivesReport);
      return this.readSettings(manager, user.userId);
    });
  }

  /** A week's report (`weekStart` is its Monday): as stored and emailed, else computed now. */
  @RequirePermission('reports:read')
  @Get(':weekStart')
  report(@CurrentTenant() tenantId: string, @WeekStart() weekStart: string): Promise<WeeklyReportResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const now = new Date();
      return this.reports.report(manager, await this.reports.endedWeek(manager, weekStart, now), now);
    });
  }

  @RequirePermission('reports:read')
  @Get(':weekStart/report.pdf')
  @Header('content-type', 'application/pdf')
  async pdf(
    @CurrentTenant() tenantId: string,
    @WeekStart() weekStart: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { content } = await this.report(tenantId, weekStart);
    void reply.header('content-disposition', `attachment; filename="rapport-report-${weekStart}.pdf"`);
    return renderReportPdf(content);
  }

  /** Emails this week's report to the signed-in member now. */
  @RequirePermission('reports:read')
  @Post(':weekStart/send')
  @HttpCode(200)
  async sendToMe(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @WeekStart() weekStart: string,
  ): Promise<{ sentTo: string }> {
    const { content } = await this.report(tenantId, weekStart);
    await this.reports.email(content, [user.email]);
    return { sentTo: user.email };
  }

  private async readSettings(manager: TenantManager, userId: string): Promise<ReportSettings> {
    const schedule = await this.businessSettings.reportSchedule(manager, userId);
    return {
      weekday: schedule.weekday,
      hour: schedule.hour,
      isOwner: schedule.role === 'owner',
      receivesReport: schedule.receivesReport,
    };
  }
}
