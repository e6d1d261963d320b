import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { listCountries, listTimeZones, timeZonesOf } from '@rapport/domain';

const COUNTRIES = listCountries();
const TIME_ZONES = listTimeZones();

/** Country and time-zone pickers; the time zone decides when emails go out and reports arrive. */
@Component({
  selector: 'rp-place-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>Country</mat-label>
      <mat-select [formControl]="country()" required>
        @for (option of countries; track option.code) {
          <mat-option [value]="option.code">{{ option.name }}</mat-option>
        }
      </mat-select>
      @if (country().hasError('server')) {
        <mat-error>{{ country().getError('server') }}</mat-error>
      }
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>Time zone</mat-label>
      <mat-select [formControl]="timeZone()" required>
        @for (zone of timeZones(); track zone) {
          <mat-option [value]="zone">{{ zone.replaceAll('_', ' ') }}</mat-option>
        }
      </mat-select>
      <mat-hint>Emails go out and reports arrive at this local time</mat-hint>
      @if (timeZone().hasError('server')) {
        <mat-error>{{ timeZone().getError('server') }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceFieldsComponent {
  readonly country = input.required<FormControl<string>>();
  readonly timeZone = input.required<FormControl<string>>();
  readonly countries = COUNTRIES;
  private readonly chosenCountry = signal('');
  private readonly chosenZone = signal('');

  /** The chosen country's zones (all of them where the browser does not know which), and the current one. */
  readonly timeZones = computed(() => {
    const own = timeZonesOf(this.chosenCountry());
    const zones = own.length > 0 ? own : TIME_ZONES;
    const current = this.chosenZone();
    return current && !zones.includes(current) ? [current, ...zones] : zones;
  });

  constructor() {
    effect((onCleanup) => {
      const control = this.country();
      this.chosenCountry.set(control.value);
      const changes = control.valueChanges.subscribe((country) => {
        this.chosenCountry.set(country);
        this.fitTimeZone(country);
      });
      onCleanup(() => changes.unsubscribe());
    });
    effect((onCleanup) => {
      const control = this.timeZone();
      this.chosenZone.set(control.value);
      const changes = control.valueChanges.subscribe((zone) => this.chosenZone.set(zone));
      onCleanup(() => changes.unsubscribe());
    });
  }

  /** A new country keeps the time zone when it is one of its own, else takes the browser's or its first. */
  private fitTimeZone(country: string): void {
    const own = timeZonesOf(country);
    const control = this.timeZone();
    if (own.length === 0 || own.includes(control.value)) return;
    control.setValue(own.includes(browserTimeZone()) ? browserTimeZone() : (own[0] as string));
  }
}

/** The browser's own time zone, preselected in forms. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A country guessed from the browser's language (en-GB -> GB), or empty. */
export function browserCountry(): string {
  const region = navigator.language.split('-')[1]?.toUpperCase() ?? '';
  return COUNTRIES.some((country) => country.code === region) ? region : '';
}
