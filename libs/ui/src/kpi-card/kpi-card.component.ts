import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type KpiTrend = 'up' | 'down' | 'flat';
/** Whether a rise is good news (answers), bad news (overdue cases) or neither (emails sent). */
export type KpiPolarity = 'higher-is-better' | 'lower-is-better' | 'neutral';

/** One key figure with an optional change against the previous period. */
@Component({
  selector: 'rp-kpi-card',
  template: `
    <article class="kpi" [attr.aria-label]="label() + ': ' + display()">
      <h3 class="kpi__label">{{ label() }}</h3>
      <p class="kpi__value">{{ display() }}</p>
      @if (deltaText(); as text) {
        <p class="kpi__delta" [class]="'kpi__delta kpi__delta--' + trend() + ' kpi__delta--' + tone()">
          {{ text }}
        </p>
      }
      @if (hint()) {
        <p class="kpi__hint">{{ hint() }}</p>
      }
    </article>
  `,
  styles: `
    .kpi {
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
    }
    .kpi__label {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi__value {
      margin: 8px 0 0;
      font: var(--mat-sys-display-small);
    }
    .kpi__delta {
      margin: 4px 0 0;
      font: var(--mat-sys-label-medium);
    }
    .kpi__delta--good {
      color: #1b6e35;
    }
    .kpi__delta--bad {
      color: var(--mat-sys-error);
    }
    .kpi__hint {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiCardComponent {
  readonly label = input.required<string>();
  /** null shows a dash: "no data" must not read as zero. */
  readonly value = input.required<string | number | null>();
  readonly unit = input('');
  /** Change against the previous period, in the value's unit unless `deltaUnit` says otherwise. */
  readonly delta = input<number | null>(null);
  /** A share's change is in points, not in percent of itself. */
  readonly deltaUnit = input<string | null>(null);
  /** What the change is measured against, in words. */
  readonly comparedTo = input('the previous period');
  readonly polarity = input<KpiPolarity>('higher-is-better');
  readonly hint = input<string>();

  readonly display = computed(() => {
    const value = this.value();
    return value === null ? '—' : `${value}${this.unit()}`;
  });
  readonly trend = computed<KpiTrend>(() => {
    const delta = this.delta() ?? 0;
    return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  });
  readonly tone = computed(() => {
    const trend = this.trend();
    const polarity = this.polarity();
    if (trend === 'flat' || polarity === 'neutral') return 'neutral';
    return (trend === 'up') === (polarity === 'higher-is-better') ? 'good' : 'bad';
  });
  readonly deltaText = computed(() => {
    const delta = this.delta();
    if (delta === null) return null;
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    return `${sign}${Math.abs(delta)}${this.deltaUnit() ?? this.unit()} vs ${this.comparedTo()}`;
  });
}
