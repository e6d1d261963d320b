import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The title row of a console page; actions go in its content (buttons on the right). */
@Component({
  selector: 'rp-page-header',
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-header__title">{{ title() }}</h1>
        @if (subtitle()) {
          <p class="page-header__subtitle">{{ subtitle() }}</p>
        }
      </div>
      <div class="page-header__actions"><ng-content /></div>
    </header>
  `,
  styles: `
    .page-header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 16px;
      margin-bottom: 24px;
    }
    .page-header__title {
      margin: 0;
      font: var(--mat-sys-headline-medium);
      /* A title made of what someone typed (a subject, an address) breaks rather than widen a phone's page. */
      overflow-wrap: anywhere;
    }
    .page-header__subtitle {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .page-header__actions {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeaderComponent {
  readonly title = input.required<string>();
  readonly subtitle = input<string>();
}
