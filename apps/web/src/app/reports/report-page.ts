import { DecimalPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { changeWords, contactLines, durationWords, type WeeklyReportResponse } from '@rapport/domain';
import { BarChartComponent, PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { AnswersApi } from '../answers/answers-api';
import { ReportsApi } from './reports-api';

/** One week's report, as the email tells it, with charts to point at, the answers as CSV and a PDF. */
@Component({
  selector: 'rp-report-page',
  imports: [
    RouterLink,
    DecimalPipe,
    PercentPipe,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    BarChartComponent,
  ],
  templateUrl: './report-page.html',
  styleUrls: ['../lists.scss', './report-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPage implements OnInit {
  private readonly api = inject(ReportsApi);
  private readonly answers = inject(AnswersApi);
  readonly canReadAnswers = inject(SessionStore).can('answers:read');
  /** From the route: the week's Monday. */
  readonly weekStart = input.required<string>();
  readonly report = signal<WeeklyReportResponse | null>(null);
  /** Enquiries, quotes, visits and recommendations against the week before; empty for a business without any. */
  readonly contactLines = computed(() => {
    const content = this.report()?.content;
    return content ? contactLines(content.contacts ?? [], content.medianEnquiryAnswerMinutes ?? null) : [];
  });
  readonly error = signal<string | null>(null);
  readonly status = signal<string | null>(null);
  readonly changeWords = changeWords;
  readonly duration = durationWords;

  readonly npsBars = computed(() =>
    (this.report()?.content.npsTrend ?? []).map((week) => ({
      label: week.weekStart.slice(5),
      value: week.score,
    })),
  );
  readonly dayBars = computed(() =>
    (this.report()?.content.answersPerDay ?? []).map((day) => ({
      label: new Date(`${day.date}T12:00:00Z`).toLocaleDateString('en-GB', {
        weekday: 'short',
        timeZone: 'UTC',
      }),
      value: day.count,
    })),
  );
  readonly csvUrl = computed(() => {
    const report = this.report();
    return report ? this.answers.exportUrl({ from: report.from, to: report.to }) : null;
  });

  async ngOnInit(): Promise<void> {
    try {
      this.report.set(await this.api.report(this.weekStart()));
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  async sendToMe(): Promise<void> {
    this.status.set(null);
    try {
      const { sentTo } = await this.api.sendToMe(this.weekStart());
      this.status.set(`Sent to ${sentTo}.`);
    } catch (error) {
      this.status.set(apiProblemOf(error).message);
    }
  }
}
