import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BUYER_LOCALES, type EmailTemplateResponse, MESSAGE_KINDS } from '@rapport/domain';
import { PageHeaderComponent } from '@rapport/ui';
import { KIND_LABELS, LOCALE_LABELS, TemplatesApi } from './templates-api';

/** Every kind of email in every language, each cell opening the editor. */
@Component({
  selector: 'rp-templates-page',
  imports: [RouterLink, PageHeaderComponent],
  template: `
    <rp-page-header
      title="Templates"
      subtitle="The emails your buyers receive, in their language (else your business's)."
    />
    <table class="templates stacked-table">
      <thead>
        <tr>
          <th scope="col">Email</th>
          @for (locale of locales; track locale) {
            <th scope="col">{{ localeLabels[locale] }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.kind) {
          <tr>
            <th scope="row">{{ row.label }}</th>
            @for (template of row.templates; track template.locale) {
              <td [attr.data-label]="localeLabels[template.locale]">
                <a
                  [routerLink]="['/templates', template.kind, template.locale]"
                  [attr.aria-label]="
                    row.label + ' in ' + localeLabels[template.locale] + ': ' + linkText(template)
                  "
                >
                  {{ linkText(template) }}
                </a>
                <div class="templates__subject">{{ template.subject }}</div>
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .templates {
      width: 100%;
      border-collapse: collapse;
    }
    /* Columns from tablet width; on a phone each email is a card (the stacked table). */
    @media (min-width: 601px) {
      .templates th,
      .templates td {
        text-align: left;
        vertical-align: top;
        padding: 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .templates__subject {
      margin-top: 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplatesPage implements OnInit {
  private readonly api = inject(TemplatesApi);
  readonly locales = BUYER_LOCALES;
  readonly localeLabels = LOCALE_LABELS;
  private readonly templates = signal<EmailTemplateResponse[]>([]);
  readonly rows = computed(() =>
    MESSAGE_KINDS.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      templates: this.templates().filter((template) => template.kind === kind),
    })),
  );

  async ngOnInit(): Promise<void> {
    this.templates.set(await this.api.list());
  }

  /** What a cell's link shows; its accessible name starts with the message and language, then this. */
  linkText(template: EmailTemplateResponse): string {
    return template.isCustom ? `Your text · v${template.version}` : 'Built-in';
  }
}
