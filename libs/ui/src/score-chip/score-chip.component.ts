import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type ScoreChipBand = 'promoter' | 'passive' | 'detractor';

const SCALE_NAMES = { nps: 'NPS', csat: 'Satisfaction', stars: 'Stars' } as const;
const MAXIMA = { nps: 10, csat: 5, stars: 5 } as const;

/** A score with its scale and band, coloured by band; the words are there for screen readers and print. */
@Component({
  selector: 'rp-score-chip',
  template: `
    <span
      class="chip"
      [class]="'chip chip--' + (band() ?? 'none')"
      [attr.aria-label]="label()"
      [title]="label()"
    >
      {{ score() ?? '–' }}<span class="chip__max" aria-hidden="true">/{{ maximum() }}</span>
    </span>
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: baseline;
      min-width: 44px;
      justify-content: center;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .chip__max {
      font: var(--mat-sys-label-small);
      opacity: 0.8;
    }
    .chip--promoter {
      background: #c8f0d0;
      color: #0b3d1a;
    }
    .chip--passive {
      background: #fbe7b5;
      color: #4a3500;
    }
    .chip--detractor {
      background: #ffd9d4;
      color: #5c0d06;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreChipComponent {
  readonly score = input.required<number | null>();
  readonly scale = input<'nps' | 'csat' | 'stars'>('nps');
  readonly band = input<ScoreChipBand | null>(null);
  readonly maximum = computed(() => MAXIMA[this.scale()]);
  readonly label = computed(() => {
    const score = this.score();
    if (score === null) return `${SCALE_NAMES[this.scale()]}: no score`;
    const band = this.band();
    return `${SCALE_NAMES[this.scale()]} ${score} of ${this.maximum()}${band ? ` (${band})` : ''}`;
  });
}
