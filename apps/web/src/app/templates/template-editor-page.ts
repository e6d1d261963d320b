import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  type OnDestroy,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  BUYER_LOCALES,
  checkVisualTemplate,
  type CustomerResponse,
  type EmailTemplateResponse,
  type FieldError,
  MESSAGE_KINDS,
  TEMPLATE_VARIABLES,
  type TemplatePreviewResponse,
  visualFromSource,
  visualToSource,
} from '@rapport/domain';
import { NewestOnly, PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { CustomersApi } from '../customers/customers-api';
import { apiProblemOf } from '../http/api-error';
import { KIND_LABELS, LOCALE_LABELS, TemplatesApi } from './templates-api';
import { TemplateVisualForm } from './visual/template-visual-form';
import { fieldsOf, templateOf, type VisualFields } from './visual/visual-fields';

const PREVIEW_DELAY_MS = 400;

/**
 * Edits one template: subject and MJML body on the left, the email as the buyer would see it on the right
 * (desktop or phone width, the sample buyer or a real customer), every problem with its line and column.
 */
@Component({
  selector: 'rp-template-editor-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PageHeaderComponent,
    TemplateVisualForm,
  ],
  templateUrl: './template-editor-page.html',
  styleUrl: './template-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateEditorPage implements OnInit, OnDestroy {
  private readonly api = inject(TemplatesApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly params = inject(ActivatedRoute).snapshot.paramMap;
  readonly canEdit = inject(SessionStore).can('templates:write');

  readonly kind = this.oneOf(MESSAGE_KINDS, this.params.get('kind'), 'thank-you');
  readonly locale = this.oneOf(BUYER_LOCALES, this.params.get('locale'), 'en');
  readonly title = `${KIND_LABELS[this.kind]} · ${LOCALE_LABELS[this.locale]}`;
  readonly variables = Object.entries(TEMPLATE_VARIABLES);
  readonly hasSurvey = this.kind === 'opinion-request' || this.kind === 'reminder';

  /** Visual (the blocks) or MJML (the source); both edit the same subject and body. */
  readonly mode = signal<'visual' | 'mjml'>('visual');
  readonly visualFields = signal<VisualFields | null>(null);
  readonly visualProblems = signal<FieldError[]>([]);
  /** Why the visual mode cannot show this template, when it cannot. */
  readonly visualReason = signal<string | null>(null);

  readonly saved = signal<EmailTemplateResponse | null>(null);
  readonly subject = signal('');
  readonly body = signal('');
  readonly customerId = signal<string>('');
  readonly customers = signal<CustomerResponse[]>([]);
  readonly width = signal<'desktop' | 'phone'>('desktop');
  readonly preview = signal<TemplatePreviewResponse | null>(null);
  private readonly previews = new NewestOnly();
  readonly problems = signal<FieldError[]>([]);
  readonly status = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  readonly isBusy = signal(false);
  readonly isChanged = computed(() => {
    const saved = this.saved();
    return saved !== null && (saved.subject !== this.subject() || saved.body !== this.body());
  });
  /**
   * The rendered email for the preview frame. The frame is sandboxed without scripts or same-origin
   * access, so marking the HTML as trusted lets it display without giving it any reach into the console.
   */
  readonly previewHtml = computed<SafeHtml | null>(() => {
    const html = this.preview()?.html;
    return html ? this.sanitizer.bypassSecurityTrustHtml(html) : null;
  });

  private timer: ReturnType<typeof setTimeout> | undefined;

  async ngOnInit(): Promise<void> {
    const [template, customers] = await Promise.all([
      this.api.get(this.kind, this.locale),
      this.customersApi.list({ limit: 20 }).catch(() => ({ items: [] as CustomerResponse[] })),
    ]);
    this.saved.set(template);
    this.subject.set(template.subject);
    this.body.set(template.body);
    this.openVisual();
    this.customers.set(customers.items);
    await this.refreshPreview();
  }

  ngOnDestroy(): void {
    clearTimeout(this.timer);
  }

  edit(field: 'subject' | 'body', value: string): void {
    (field === 'subject' ? this.subject : this.body).set(value);
    this.status.set(null);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshPreview(), PREVIEW_DELAY_MS);
  }

  /** Opens the current text in visual mode when its blocks can show all of it, else says why not. */
  openVisual(): void {
    const outcome = visualFromSource({ subject: this.subject(), body: this.body() });
    if ('reason' in outcome) {
      this.visualReason.set(outcome.reason);
      this.mode.set('mjml');
      return;
    }
    this.visualReason.set(null);
    this.visualFields.set(fieldsOf(outcome.template));
    this.visualProblems.set([]);
    this.mode.set('visual');
  }

  setMode(mode: 'visual' | 'mjml'): void {
    if (mode === 'visual') this.openVisual();
    else this.mode.set('mjml');
  }

  /** Visual edits are written as the same MJML the advanced mode shows, once they pass their checks. */
  editVisual(fields: VisualFields): void {
    this.visualFields.set(fields);
    const template = templateOf(fields);
    const problems = checkVisualTemplate(template);
    this.visualProblems.set(problems);
    if (problems.length > 0) return;
    const source = visualToSource(template);
    this.subject.set(source.subject);
    this.edit('body', source.body);
  }

  async previewFor(customerId: string): Promise<void> {
    this.customerId.set(customerId);
    await this.refreshPreview();
  }

  async refreshPreview(): Promise<void> {
    await this.previews.run(
      () => this.api.preview(this.kind, this.locale, this.request()),
      (preview) => {
        this.preview.set(preview.problems.length > 0 ? this.preview() : preview);
        this.problems.set(preview.problems);
        this.error.set(null);
      },
      (error) => this.error.set(apiProblemOf(error).message),
    );
  }

  async save(): Promise<void> {
    await this.run(async () => {
      this.saved.set(await this.api.save(this.kind, this.locale, this.request()));
      this.status.set(`Saved as version ${this.saved()?.version}.`);
    });
  }

  async reset(): Promise<void> {
    await this.run(async () => {
      const template = await this.api.reset(this.kind, this.locale);
      this.saved.set(template);
      this.subject.set(template.subject);
      this.body.set(template.body);
      this.openVisual();
      this.status.set('Back to the built-in text.');
      await this.refreshPreview();
    });
  }

  async sendTest(): Promise<void> {
    await this.run(async () => {
      const { sentTo } = await this.api.sendTest(this.kind, this.locale, this.request());
      this.status.set(`Test sent to ${sentTo}.`);
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.isBusy.set(true);
    this.error.set(null);
    this.status.set(null);
    try {
      await action();
      this.problems.set([]);
    } catch (error) {
      const problem = apiProblemOf(error);
      if (problem.details.length > 0) this.problems.set(problem.details);
      else this.error.set(problem.message);
    } finally {
      this.isBusy.set(false);
    }
  }

  private request(): { subject: string; body: string; customerId?: string } {
    const customerId = this.customerId();
    return { subject: this.subject(), body: this.body(), ...(customerId ? { customerId } : {}) };
  }

  private oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
    return values.includes(value as T) ? (value as T) : fallback;
  }
}
