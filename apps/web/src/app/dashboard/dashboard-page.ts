import { DatePipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  CaseResponse,
  DashboardResponse,
  DeliveryHealthResponse,
  GettingStartedResponse,
} from '@rapport/domain';
import { contactLines } from '@rapport/domain';
import {
  BarChartComponent,
  EmptyStateComponent,
  KpiCardComponent,
  PageHeaderComponent,
  ScoreChipComponent,
} from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { AutomationsApi } from '../automations/automations-api';
import { DeliveryHealthCardComponent } from '../automations/delivery-health-card';
import { CasesApi } from '../cases/cases-api';
import { ReportsApi } from '../reports/reports-api';
import { GettingStartedCardComponent } from './getting-started-card';

/** Hiding the checklist is a choice of this browser, per business; the steps themselves are computed. */
const DISMISSED_KEY = 'rapport.getting-started.dismissed.';

/** The console's home: how the last 7 and 30 days went, and what needs the member now. */
@Component({
  selector: 'rp-dashboard-page',
  imports: [
    RouterLink,
    DatePipe,
    PercentPipe,
    PageHeaderComponent,
    KpiCardComponent,
    EmptyStateComponent,
    BarChartComponent,
    ScoreChipComponent,
    DeliveryHealthCardComponent,
    GettingStartedCardComponent,
  ],
  templateUrl: './dashboard-page.html',
  styleUrls: ['../lists.scss', './dashboard-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage implements OnInit {
  private readonly session = inject(SessionStore);
  private readonly reports = inject(ReportsApi);
  private readonly cases = inject(CasesApi);
  private readonly automations = inject(AutomationsApi);
  readonly canWorkCases = this.session.can('cases:work');
  readonly dashboard = signal<DashboardResponse | null>(null);
  readonly myCases = signal<CaseResponse[]>([]);
  readonly health = signal<DeliveryHealthResponse | null>(null);
  readonly days = signal<7 | 30>(7);
  readonly checklist = signal<GettingStartedResponse | null>(null);
  readonly isChecklistDismissed = signal(false);

  /** A business that has not finished setting up and has sent nothing yet is new, not returning. */
  readonly isNewBusiness = computed(() => {
    const checklist = this.checklist();
    return checklist !== null && !checklist.isComplete && this.isEmpty();
  });
  readonly showChecklist = computed(() => {
    const checklist = this.checklist();
    return checklist !== null && !checklist.isComplete && !this.isChecklistDismissed();
  });
  readonly greeting = computed(() => {
    const firstName = this.session.me()?.user.name.split(' ')[0];
    const greeting = this.isNewBusiness() ? 'Welcome to Rapport' : 'Welcome back';
    return firstName ? `${greeting}, ${firstName}` : greeting;
  });
  readonly subtitle = computed(() =>
    this.isNewBusiness()
      ? 'A few steps and Rapport starts following up with your buyers.'
      : 'How your follow-ups are doing.',
  );
  readonly period = computed(
    () => this.dashboard()?.periods.find((period) => period.days === this.days()) ?? null,
  );
  readonly comparedTo = computed(() => `the ${this.days()} days before`);
  readonly rateChange = computed(() => {
    const period = this.period();
    const now = period?.responseRate ?? null;
    const before = period?.previous.responseRate ?? null;
    return now === null || before === null ? null : Math.round((now - before) * 100);
  });
  readonly isEmpty = computed(() => {
    const dashboard = this.dashboard();
    return (
      dashboard !== null && dashboard.periods.every((period) => period.sent === 0 && period.answers === 0)
    );
  });
  /** Enquiries, quotes, visits and recommendations of the last 30 days: nothing for a business without any. */
  readonly contactLines = computed(() =>
    contactLines(this.dashboard()?.contacts ?? [], null, 'the 30 days before'),
  );
  readonly npsBars = computed(() =>
    (this.dashboard()?.npsTrend ?? []).map((week) => ({ label: week.weekStart.slice(5), value: week.score })),
  );
  readonly dayBars = computed(() =>
    (this.dashboard()?.answersPerDay ?? []).map((day) => ({ label: day.date.slice(5), value: day.count })),
  );

  /** The change of a figure against the span before; none when either side has no value. */
  change(figure: 'sent' | 'nps' | 'csat'): number | null {
    const period = this.period();
    const now = period?.[figure] ?? null;
    const before = period?.previous[figure] ?? null;
    if (now === null || before === null) return null;
    return Math.round((now - before) * 100) / 100;
  }

  async ngOnInit(): Promise<void> {
    this.isChecklistDismissed.set(localStorage.getItem(this.dismissedKey()) === 'yes');
    const [dashboard, checklist] = await Promise.all([
      this.reports.dashboard(),
      this.reports.gettingStarted(),
      this.loadHealth(),
    ]);
    this.dashboard.set(dashboard);
    this.checklist.set(checklist);
    if (this.canWorkCases)
      this.myCases.set((await this.cases.list({ mine: true, unresolved: true, limit: 5 })).items);
  }

  /** The delivery card covers the period the tiles show, so its "Sent" is their "Emails sent". */
  async choosePeriod(days: 7 | 30): Promise<void> {
    this.days.set(days);
    await this.loadHealth();
  }

  private async loadHealth(): Promise<void> {
    this.health.set(await this.automations.health(this.days()));
  }

  dismissChecklist(): void {
    localStorage.setItem(this.dismissedKey(), 'yes');
    this.isChecklistDismissed.set(true);
  }

  private dismissedKey(): string {
    return DISMISSED_KEY + (this.session.me()?.business?.id ?? '');
  }
}
