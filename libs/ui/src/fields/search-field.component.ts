import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

/** The search box of a list's filters: as wide as the row allows, the list follows as one types. */
@Component({
  selector: 'rp-search-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix>search</mat-icon>
      <input matInput [formControl]="control()" autocomplete="off" />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: flex;
      flex: 1 1 280px;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchFieldComponent {
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string>>();
}
