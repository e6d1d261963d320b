import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** What a page shows when it has nothing yet: why, and what will fill it. */
@Component({
  selector: 'rp-empty-state',
  imports: [MatIconModule],
  template: `
    <section class="empty-state" role="status">
      <mat-icon class="empty-state__icon" aria-hidden="true">{{ icon() }}</mat-icon>
      <h2 class="empty-state__title">{{ title() }}</h2>
      <p class="empty-state__message">{{ message() }}</p>
      <ng-content />
    </section>
  `,
  styles: `
    .empty-state {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 48px 16px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .empty-state__icon {
      font-size: 48px;
      width: 48px;
      height: 48px;
      color: var(--mat-sys-primary);
    }
    .empty-state__title {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }
    .empty-state__message {
      margin: 0;
      max-width: 48ch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyStateComponent {
  readonly icon = input('inbox');
  readonly title = input.required<string>();
  readonly message = input<string>('');
}
