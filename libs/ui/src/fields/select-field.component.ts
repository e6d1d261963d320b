import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

/** One entry of a select: the value kept and the words shown. */
export interface Choice<T> {
  value: T;
  label: string;
}

/** Choices from a list of values, each shown in its own words (or as itself). */
export function choicesOf<T extends string>(
  values: readonly T[],
  words: Partial<Record<T, string>> = {},
): Choice<T>[] {
  return values.map((value) => ({ value, label: words[value] ?? value }));
}

/**
 * A labelled select over a form control: the filters of a list, or a choice in a form. `emptyLabel` names
 * the choice of nothing in particular ("Any", "Nobody"), kept as the empty string.
 */
@Component({
  selector: 'rp-select-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [formControl]="control()">
        @if (emptyLabel(); as words) {
          <mat-option value="">{{ words }}</mat-option>
        }
        @for (choice of choices(); track choice.value) {
          <mat-option [value]="choice.value">{{ choice.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectFieldComponent<T> {
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<T>>();
  readonly choices = input.required<readonly Choice<T>[]>();
  readonly emptyLabel = input<string | null>(null);
}
