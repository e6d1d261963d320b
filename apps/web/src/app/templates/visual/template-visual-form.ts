import {
  ChangeDetectionStrategy,
  Component,
  computed,
  Directive,
  effect,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type FieldError, insertableVariables, MAX_PARAGRAPHS, variableToken } from '@rapport/domain';
import { fieldLabel, readField, type TextFieldKey, type VisualFields, writeField } from './visual-fields';

/**
 * A text field of the visual form: shows its block's words, writes them back as they are typed, and keeps
 * where its cursor is, which is where a variable chosen from the list goes.
 */
@Directive({
  selector: '[rpVisualText]',
  host: {
    class: 'visual__text',
    '[attr.readonly]': 'form.isReadonly() ? "" : null',
    '(input)': 'form.edit(key(), $event)',
    '(click)': 'form.remember(key(), $event)',
    '(keyup)': 'form.remember(key(), $event)',
  },
})
export class VisualTextDirective {
  readonly key = input.required<TextFieldKey>({ alias: 'rpVisualText' });
  protected readonly form = inject(TemplateVisualForm);

  constructor() {
    const element = inject<ElementRef<HTMLInputElement | HTMLTextAreaElement>>(ElementRef).nativeElement;
    // Written only when it differs, so typing never has its cursor moved by its own echo.
    effect(() => {
      const value = readField(this.form.fields(), this.key());
      if (element.value !== value) element.value = value;
    });
  }
}

/**
 * The visual mode of the template editor: the blocks of the built-in layout as plain fields. What is typed
 * stays words; variables come only from the list, shown in the text as ⟦name⟧.
 */
@Component({
  selector: 'rp-template-visual-form',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    VisualTextDirective,
  ],
  templateUrl: './template-visual-form.html',
  styleUrl: './template-visual-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateVisualForm {
  readonly fields = input.required<VisualFields>();
  readonly hasSurvey = input(false);
  readonly isReadonly = input(false);
  readonly problems = input<FieldError[]>([]);
  readonly changed = output<VisualFields>();

  readonly maxParagraphs = MAX_PARAGRAPHS;
  readonly variables = computed(() => insertableVariables(this.hasSurvey()));
  readonly problemLines = computed(() =>
    this.problems().map((problem) => `${fieldLabel(problem.field)}: ${problem.reason}`),
  );

  /** The text field last focused, and where its cursor was: where a chosen variable goes. */
  private target: { key: TextFieldKey; start: number; end: number } = { key: 'greeting', start: 0, end: 0 };

  paragraphKey(index: number): TextFieldKey {
    return `paragraphs.${index}`;
  }

  remember(key: TextFieldKey, event: Event): void {
    const element = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.target = { key, start: element.selectionStart ?? 0, end: element.selectionEnd ?? 0 };
  }

  edit(key: TextFieldKey, event: Event): void {
    this.remember(key, event);
    this.changed.emit(writeField(this.fields(), key, (event.target as HTMLInputElement).value));
  }

  set<K extends keyof VisualFields>(key: K, value: VisualFields[K]): void {
    this.changed.emit({ ...this.fields(), [key]: value });
  }

  insert(variable: string): void {
    const { key, start, end } = this.target;
    const value = readField(this.fields(), key);
    const token = variableToken(variable);
    this.changed.emit(writeField(this.fields(), key, value.slice(0, start) + token + value.slice(end)));
    this.target = { key, start: start + token.length, end: start + token.length };
  }

  addParagraph(): void {
    this.set('paragraphs', [...this.fields().paragraphs, '']);
  }

  removeParagraph(index: number): void {
    this.set(
      'paragraphs',
      this.fields().paragraphs.filter((_, at) => at !== index),
    );
  }

  /** A colour input gives #rrggbb; the text field beside it may hold anything, which the check names. */
  colourValue(value: string, fallback: string): string {
    return /^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback;
  }
}
