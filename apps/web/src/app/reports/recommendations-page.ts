import { DatePipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { RouterLink } from '@angular/router';
import {
  REVIEW_PLATFORM_WORDS,
  type ReferralSummaryResponse,
  type ReviewClicksResponse,
} from '@rapport/domain';
import { EmptyStateComponent, KpiCardComponent, PageHeaderComponent } from '@rapport/ui';
import { ApiClient } from '../http/api-client';
import { apiProblemOf } from '../http/api-error';

/** The periods the page looks back over, in days. */
export const RECOMMENDATION_PERIODS = [30, 90, 365] as const;

/**
 * Who recommended the business and what came of it: promoters asked, people who came through someone's link
 * or code, those who became customers, and clicks to each review platform (counts only, never who).
 */
@Component({
  selector: 'rp-recommendations-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonToggleModule,
    PageHeaderComponent,
    KpiCardComponent,
    EmptyStateComponent,
  ],
  template: `
    <rp-page-header
      title="Recommendations"
      subtitle="Happy buyers asked to recommend you, who came through them, and reviews they went on to write."
    >
      <mat-button-toggle-group
        [value]="days()"
        (change)="choose($event.value)"
        aria-label="Period"
        hideSingleSelectionIndicator
      >
        @for (period of periods; track period) {
          <mat-button-toggle [value]="period">{{
            period === 365 ? 'Last year' : 'Last ' + period + ' days'
          }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </rp-page-header>
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (referrals(); as summary) {
      <section class="kpis" aria-label="Recommendations">
        <rp-kpi-card
          label="Asked to recommend"
          [value]="summary.asked"
          polarity="neutral"
          hint="Buyers who answered 9-10 (or 5 of 5), asked once, a day later"
        />
        <rp-kpi-card
          label="Came through a recommendation"
          [value]="summary.referred"
          polarity="neutral"
          hint="People who arrived with someone's link or code"
        />
        <rp-kpi-card
          label="Became customers"
          [value]="summary.converted"
          polarity="neutral"
          [hint]="conversionHint()"
        />
      </section>
      <section class="detail-card" aria-labelledby="recent-title">
        <h2 id="recent-title">Latest recommendations</h2>
        @if (summary.recent.length === 0) {
          <rp-empty-state
            icon="handshake"
            title="No recommendations yet"
            message="When someone arrives through a customer's link or code (the enquiry form, an order or the API), they show here with who sent them."
          />
        } @else {
          <table class="recent stacked-table">
            <thead>
              <tr>
                <th scope="col">Who came</th>
                <th scope="col">Recommended by</th>
                <th scope="col">Came on</th>
                <th scope="col">Customer since</th>
              </tr>
            </thead>
            <tbody>
              @for (item of summary.recent; track item.referred.id) {
                <tr>
                  <td data-label="Who came">
                    <a [routerLink]="['/customers', item.referred.id]">{{
                      item.referred.name || item.referred.email
                    }}</a>
                  </td>
                  <td data-label="Sent by">
                    <a [routerLink]="['/customers', item.referrer.id]">{{
                      item.referrer.name || item.referrer.email
                    }}</a>
                  </td>
                  <td data-label="Came on">{{ item.referredAt | date: 'mediumDate' }}</td>
                  <td data-label="Customer">
                    {{ item.becameCustomerAt ? (item.becameCustomerAt | date: 'mediumDate') : 'Not yet' }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    }
    @if (clicks(); as counted) {
      <section class="detail-card" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Clicks to review platforms</h2>
        @if (counted.platforms.length === 0) {
          <p class="muted">
            No clicks yet. The thank-you page after an answer invites everyone to review you on the platforms
            set in Settings → Feedback.
          </p>
        } @else {
          <ul class="platforms">
            @for (item of counted.platforms; track item.platform) {
              <li>
                <span>{{ platformWords[item.platform] }}</span>
                <strong>{{ item.clicks }}</strong>
              </li>
            }
          </ul>
        }
        <p class="muted">Counted on Rapport's own page, without following anyone to the platform.</p>
      </section>
    }
  `,
  styles: `
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 16px;
      margin-bottom: 24px;
    }
    .recent {
      width: 100%;
      border-collapse: collapse;
    }
    /* On a phone the table stacks as every console table does (styles.scss). */
    @media (min-width: 601px) {
      .recent th,
      .recent td {
        text-align: left;
        padding: 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .platforms {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
      max-width: 360px;
    }
    .platforms li {
      display: flex;
      justify-content: space-between;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecommendationsPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly percent = new PercentPipe('en');
  readonly periods = RECOMMENDATION_PERIODS;
  readonly platformWords = REVIEW_PLATFORM_WORDS;
  readonly days = signal<number>(30);
  readonly referrals = signal<ReferralSummaryResponse | null>(null);
  readonly clicks = signal<ReviewClicksResponse | null>(null);
  readonly error = signal<string | null>(null);
  readonly conversionHint = computed(() => {
    const summary = this.referrals();
    if (!summary || summary.referred === 0) return 'Of the people who came through a recommendation';
    return `${this.percent.transform(summary.converted / summary.referred, '1.0-0')} of those who came`;
  });
  /** Only the latest answer is shown when the period changes faster than the server answers. */
  private loading = 0;

  ngOnInit(): Promise<void> {
    return this.load();
  }

  async choose(days: number): Promise<void> {
    this.days.set(days);
    await this.load();
  }

  private async load(): Promise<void> {
    const ticket = ++this.loading;
    const days = this.days();
    this.error.set(null);
    const [referrals, clicks] = await Promise.allSettled([
      this.api.get<ReferralSummaryResponse>('/api/referrals', { days }),
      this.api.get<ReviewClicksResponse>('/api/review-clicks', { days }),
    ]);
    if (ticket !== this.loading) return;
    this.referrals.set(referrals.status === 'fulfilled' ? referrals.value : null);
    this.clicks.set(clicks.status === 'fulfilled' ? clicks.value : null);
    const failed = [referrals, clicks].find((result) => result.status === 'rejected');
    if (failed && referrals.status === 'rejected' && clicks.status === 'rejected')
      this.error.set(apiProblemOf(failed.reason).message);
  }
}
