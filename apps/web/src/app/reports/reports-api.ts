import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DashboardResponse,
  GettingStartedResponse,
  ReportSettings,
  WeeklyReportResponse,
  WeeklyReportSummary,
} from '@rapport/domain';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  dashboard(): Promise<DashboardResponse> {
    return firstValueFrom(this.http.get<DashboardResponse>('/api/dashboard'));
  }

  gettingStarted(): Promise<GettingStartedResponse> {
    return firstValueFrom(this.http.get<GettingStartedResponse>('/api/getting-started'));
  }

  archive(): Promise<WeeklyReportSummary[]> {
    return firstValueFrom(this.http.get<WeeklyReportSummary[]>('/api/reports'));
  }

  report(weekStart: string): Promise<WeeklyReportResponse> {
    return firstValueFrom(this.http.get<WeeklyReportResponse>(`/api/reports/${weekStart}`));
  }

  sendToMe(weekStart: string): Promise<{ sentTo: string }> {
    return firstValueFrom(this.http.post<{ sentTo: string }>(`/api/reports/${weekStart}/send`, {}));
  }

  settings(): Promise<ReportSettings> {
    return firstValueFrom(this.http.get<ReportSettings>('/api/reports/settings'));
  }

  schedule(weekday: number, hour: number): Promise<ReportSettings> {
    return firstValueFrom(this.http.put<ReportSettings>('/api/reports/settings', { weekday, hour }));
  }

  receive(receivesReport: boolean): Promise<ReportSettings> {
    return firstValueFrom(this.http.put<ReportSettings>('/api/reports/settings/me', { receivesReport }));
  }
}
