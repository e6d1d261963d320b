import { booleanAttribute, ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** A labelled one-line field over a form control: words, a number, a time, a date, an address. */
@Component({
  selector: 'rp-text-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <!-- A number field is written out so that its control is given numbers, not the text typed. -->
      @if (type() === 'number') {
        <input
          matInput
          type="number"
          [formControl]="control()"
          [required]="required()"
          [attr.min]="min()"
          [attr.max]="max()"
          [attr.placeholder]="placeholder()"
        />
      } @else {
        <input
          matInput
          [type]="type()"
          [formControl]="control()"
          [required]="required()"
          [attr.min]="min()"
          [attr.max]="max()"
          [attr.maxlength]="maxlength()"
          [attr.inputmode]="inputmode()"
          [attr.placeholder]="placeholder()"
          [attr.autocomplete]="autocomplete()"
        />
      }
      @if (hint(); as words) {
        <mat-hint>{{ words }}</mat-hint>
      }
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
export class TextFieldComponent<T> {
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<T>>();
  readonly type = input<'text' | 'email' | 'password' | 'number' | 'time' | 'date' | 'url'>('text');
  readonly required = input(false, { transform: booleanAttribute });
  readonly min = input<string | number | null>(null);
  readonly max = input<string | number | null>(null);
  readonly maxlength = input<number | null>(null);
  readonly inputmode = input<string | null>(null);
  readonly placeholder = input<string | null>(null);
  readonly autocomplete = input<string | null>(null);
  readonly hint = input<string | null>(null);
}
