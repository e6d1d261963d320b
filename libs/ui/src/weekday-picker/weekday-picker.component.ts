import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';

/** The days of a send window or of working hours, ISO-numbered as the API takes them. */
const WEEKDAYS: readonly { day: number; label: string }[] = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
];

/** Monday to Sunday as checkboxes; says which days are chosen, in order, each time one changes. */
@Component({
  selector: 'rp-weekday-picker',
  imports: [MatCheckboxModule],
  template: `
    <fieldset class="days" [attr.aria-label]="label()">
      @for (weekday of weekdays; track weekday.day) {
        <mat-checkbox
          [checked]="days().includes(weekday.day)"
          [disabled]="disabled()"
          (change)="toggle(weekday.day, $event.checked)"
          >{{ weekday.label }}</mat-checkbox
        >
      }
    </fieldset>
  `,
  styles: `
    .days {
      border: none;
      padding: 0;
      margin: 0 0 12px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WeekdayPickerComponent {
  /** The chosen days, ISO-numbered (1 Monday ... 7 Sunday). */
  readonly days = input.required<readonly number[]>();
  /** What the days are for, read to screen readers ("Days", "Working days"). */
  readonly label = input.required<string>();
  readonly disabled = input(false);
  readonly daysChange = output<number[]>();
  readonly weekdays = WEEKDAYS;

  toggle(day: number, isOn: boolean): void {
    const chosen = new Set(this.days());
    if (isOn) chosen.add(day);
    else chosen.delete(day);
    this.daysChange.emit([...chosen].sort((a, b) => a - b));
  }
}
