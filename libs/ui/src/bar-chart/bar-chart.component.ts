import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface ChartBar {
  label: string;
  /** null: no value for this bar (drawn as a short grey mark, not as zero). */
  value: number | null;
}

const WIDTH = 600;
const HEIGHT = 200;
const PADDING = { top: 18, bottom: 26, side: 8 };

/**
 * Bars in SVG, scaled to their container. Each bar carries a tooltip (its label and value) and the chart
 * a table of the same numbers for screen readers. With `signed`, bars go up or down from zero and are
 * coloured good or bad (for NPS, -100 to 100).
 */
@Component({
  selector: 'rp-bar-chart',
  template: `
    <figure class="chart">
      <svg
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        [attr.aria-label]="label()"
        preserveAspectRatio="none"
      >
        <line
          [attr.x1]="padding.side"
          [attr.x2]="width - padding.side"
          [attr.y1]="zeroY()"
          [attr.y2]="zeroY()"
          class="chart__axis"
        />
        @for (bar of layout(); track $index) {
          <g class="chart__bar" tabindex="0">
            <title>{{ bar.label }}: {{ bar.value ?? 'no value' }}</title>
            @if (bar.value === null) {
              <rect
                [attr.x]="bar.center - 6"
                [attr.y]="zeroY() - 1"
                width="12"
                height="2"
                class="chart__none"
              />
            } @else {
              <rect
                [attr.x]="bar.x"
                [attr.y]="bar.y"
                [attr.width]="bar.width"
                [attr.height]="bar.height"
                [class]="bar.tone"
              />
              <text [attr.x]="bar.center" [attr.y]="bar.labelY" text-anchor="middle" class="chart__value">
                {{ bar.value }}
              </text>
            }
            @if (bar.showLabel) {
              <text [attr.x]="bar.center" [attr.y]="height - 6" text-anchor="middle" class="chart__label">
                {{ bar.label }}
              </text>
            }
          </g>
        }
      </svg>
      <table class="chart__table">
        <caption>
          {{
            label()
          }}
        </caption>
        @for (bar of bars(); track $index) {
          <tr>
            <th scope="row">{{ bar.label }}</th>
            <td>{{ bar.value ?? '—' }}</td>
          </tr>
        }
      </table>
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
    }
    svg {
      width: 100%;
      height: 200px;
      display: block;
    }
    .chart__axis {
      stroke: var(--mat-sys-outline-variant);
    }
    .chart__none {
      fill: var(--mat-sys-outline-variant);
    }
    .good {
      fill: #1b6e35;
    }
    .bad {
      fill: var(--mat-sys-error);
    }
    .neutral {
      fill: var(--mat-sys-primary);
    }
    .chart__bar:hover rect,
    .chart__bar:focus rect {
      opacity: 0.75;
    }
    .chart__bar:focus {
      outline: none;
    }
    .chart__value {
      font:
        600 12px system-ui,
        sans-serif;
      fill: var(--mat-sys-on-surface);
    }
    .chart__label {
      font:
        11px system-ui,
        sans-serif;
      fill: var(--mat-sys-on-surface-variant);
    }
    .chart__table {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChartComponent {
  readonly bars = input.required<ChartBar[]>();
  /** What the chart shows, for screen readers and as the table's caption. */
  readonly label = input.required<string>();
  /** Bars above and below zero on a -100..100 scale, coloured by sign. */
  readonly signed = input(false);
  /** Show every n-th label under the bars (1: all). */
  readonly labelEvery = input(1);

  readonly width = WIDTH;
  readonly height = HEIGHT;
  readonly padding = PADDING;

  private readonly range = computed(() => {
    if (this.signed()) return { min: -100, max: 100 };
    return { min: 0, max: Math.max(1, ...this.bars().map((bar) => bar.value ?? 0)) };
  });

  readonly zeroY = computed(() => this.y(0));

  readonly layout = computed(() => {
    const bars = this.bars();
    const slot = (WIDTH - 2 * PADDING.side) / Math.max(1, bars.length);
    return bars.map((bar, index) => {
      const center = PADDING.side + slot * (index + 0.5);
      const value = bar.value ?? 0;
      const top = Math.min(this.y(value), this.y(0));
      const height = Math.max(1, Math.abs(this.y(value) - this.y(0)));
      return {
        label: bar.label,
        value: bar.value,
        center,
        x: center - slot * 0.32,
        width: slot * 0.64,
        y: top,
        height,
        labelY: value >= 0 ? top - 4 : top + height + 12,
        tone: this.signed() ? (value >= 0 ? 'good' : 'bad') : 'neutral',
        showLabel: index % this.labelEvery() === 0,
      };
    });
  });

  private y(value: number): number {
    const { min, max } = this.range();
    const inner = HEIGHT - PADDING.top - PADDING.bottom;
    return PADDING.top + ((max - value) / (max - min)) * inner;
  }
}
