import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { ReportsController } from './reports.controller';
import { WeeklyReportBuilder } from './weekly-report-builder';
import { WeeklyReporter } from './weekly-reporter';
import { WeeklyReportsService } from './weekly-reports.service';
import { AccountsModule } from '../accounts/accounts.module';
import { DashboardRepository } from './dashboard.repository';

/** The owner's weekly report: computed, stored once per week, emailed, archived, and as PDF. */
@Module({
  imports: [AccountsModule],
  controllers: [ReportsController, DashboardController],
  providers: [DashboardRepository, WeeklyReportBuilder, WeeklyReportsService, WeeklyReporter],
  exports: [WeeklyReportBuilder],
})
export class ReportsModule {}
