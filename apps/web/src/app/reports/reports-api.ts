import { inject, Injectable } from '@angular/core';
import type {
  DashboardResponse,
  GettingStartedResponse,
  ReportSettings,
  WeeklyReportResponse,
  WeeklyReportSummary,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly api = inject(ApiClient);

  dashboard(): Promise<DashboardResponse> {
    return this.api.get<DashboardResponse>('/api/dashboard');
  }

  gettingStarted(): Promise<GettingStartedResponse> {
    return this.api.get<GettingStartedResponse>('/api/getting-started');
  }

  archive(): Promise<WeeklyReportSummary[]> {
    return this.api.get<WeeklyReportSummary[]>('/api/reports');
  }

  report(weekStart: string): Promise<WeeklyReportResponse> {
    return this.api.get<WeeklyReportResponse>(`/api/reports/${weekStart}`);
  }

  sendToMe(weekStart: string): Promise<{ sentTo: string }> {
    return this.api.post<{ sentTo: string }>(`/api/reports/${weekStart}/send`, {});
  }

  settings(): Promise<ReportSettings> {
    return this.api.get<ReportSettings>('/api/reports/settings');
  }

  schedule(weekday: number, hour: number): Promise<ReportSettings> {
    return this.api.put<ReportSettings>('/api/reports/settings', { weekday, hour });
  }

  receive(receivesReport: boolean): Promise<ReportSettings> {
    return this.api.put<ReportSettings>('/api/reports/settings/me', { receivesReport });
  }
}
