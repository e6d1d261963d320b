import { ChangeDetectionStrategy, ChangeDetectorRef, Component, effect, inject, input } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { WeekdayPickerComponent } from '../weekday-picker/weekday-picker.component';
import { TextFieldComponent } from './text-field.component';

/**
 * Hours of the week: from, until and on which days. The business's send window and its working hours
 * for cases are both this. Content written inside goes first on the row of the times (its width is the
 * page's to set, as styles here do not reach it).
 */
@Component({
  selector: 'rp-weekly-hours',
  imports: [TextFieldComponent, WeekdayPickerComponent],
  template: `
    <div class="weekly-hours__times">
      <ng-content />
      <rp-text-field [label]="fromLabel()" type="time" [control]="opens()" />
      <rp-text-field label="Until" type="time" [control]="closes()" />
    </div>
    <rp-weekday-picker
      [label]="daysLabel()"
      [days]="days().value"
      [disabled]="disabled()"
      (daysChange)="days().setValue($event)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .weekly-hours__times {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
    }
    .weekly-hours__times > rp-text-field {
      flex: 1 1 160px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WeeklyHoursComponent {
  readonly opens = input.required<FormControl<string>>();
  readonly closes = input.required<FormControl<string>>();
  readonly days = input.required<FormControl<number[]>>();
  readonly fromLabel = input('From');
  readonly daysLabel = input('Days');
  readonly disabled = input(false);

  constructor() {
    // The days are read from their control, which a page fills when its settings arrive: show them then.
    const view = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const subscription = this.days().valueChanges.subscribe(() => view.markForCheck());
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
