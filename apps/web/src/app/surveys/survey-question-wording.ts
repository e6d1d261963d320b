import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { BUYER_LOCALE_NAMES, BUYER_LOCALES, type BuyerLocale } from '@rapport/domain';
import { builtInWording, type QuestionForm } from './survey-form';

/**
 * A question's wording in each language the product speaks: the words in use, marked as built-in or the
 * business's own. Emptying a field, or "Use the built-in wording", brings the built-in words back.
 */
@Component({
  selector: 'rp-survey-question-wording',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <fieldset class="wording" [formGroup]="group().controls.wording">
      <legend>Question, in each language</legend>
      @for (locale of locales; track locale) {
        <mat-form-field appearance="outline" class="wording__field">
          <mat-label>{{ names[locale] }}</mat-label>
          <input matInput [formControlName]="locale" maxlength="300" (blur)="restoreIfEmpty(locale)" />
          <mat-hint>
            @if (isBuiltIn(locale)) {
              Built-in wording
            } @else if (builtIn(locale) === null) {
              Your wording{{
                group().controls.wording.controls[locale].value.trim() ? '' : ': empty shows another language'
              }}
            } @else {
              Your wording ·
              <button
                mat-button
                type="button"
                class="wording__reset"
                (click)="useBuiltIn(locale)"
                [disabled]="!canEdit()"
              >
                Use the built-in wording
              </button>
            }
          </mat-hint>
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    .wording {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }
    .wording__field {
      width: 100%;
      margin-bottom: 8px;
    }
    .wording__reset {
      height: 20px;
      padding: 0 4px;
      font: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyQuestionWording {
  readonly group = input.required<QuestionForm>();
  readonly business = input.required<string>();
  readonly canEdit = input(true);
  readonly locales = BUYER_LOCALES;
  readonly names = BUYER_LOCALE_NAMES;
  /** Bumped on every change of the question, so the hints follow its kind and words. */
  private readonly changes = signal(0);

  constructor() {
    effect((onCleanup) => {
      const subscription = this.group().valueChanges.subscribe(() => this.changes.update((n) => n + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  builtIn(locale: BuyerLocale): string | null {
    this.changes();
    return builtInWording(this.group(), locale, this.business());
  }

  isBuiltIn(locale: BuyerLocale): boolean {
    const text = this.group().controls.wording.controls[locale].value.trim();
    return text === this.builtIn(locale);
  }

  useBuiltIn(locale: BuyerLocale): void {
    this.group().controls.wording.controls[locale].setValue(this.builtIn(locale) ?? '');
  }

  restoreIfEmpty(locale: BuyerLocale): void {
    const control = this.group().controls.wording.controls[locale];
    if (control.value.trim() === '' && this.builtIn(locale) !== null) this.useBuiltIn(locale);
  }
}
