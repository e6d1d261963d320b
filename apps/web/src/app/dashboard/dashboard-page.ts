import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { EmptyStateComponent, KpiCardComponent, PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';

@Component({
  selector: 'rp-dashboard-page',
  imports: [PageHeaderComponent, KpiCardComponent, EmptyStateComponent],
  template: `
    <rp-page-header [title]="greeting()" subtitle="Your follow-ups over the last 7 days." />
    <section class="kpis" aria-label="Key figures">
      <rp-kpi-card label="Emails sent" [value]="null" hint="Thank-yous and opinion requests" />
      <rp-kpi-card label="Response rate" [value]="null" hint="Buyers who answered" />
      <rp-kpi-card label="NPS" [value]="null" hint="Promoters minus detractors" />
      <rp-kpi-card label="Open cases" [value]="null" hint="Unhappy buyers to answer" />
    </section>
    <rp-empty-state
      icon="insights"
      title="No follow-ups yet"
      message="Figures appear here once orders come in and Rapport starts thanking your buyers."
    />
  `,
  styles: `
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 16px;
      margin-bottom: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly session = inject(SessionStore);

  readonly greeting = computed(() => {
    const firstName = this.session.me()?.user.name.split(' ')[0];
    return firstName ? `Welcome back, ${firstName}` : 'Welcome back';
  });
}
