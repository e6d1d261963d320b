import { ChangeDetectionStrategy, Component, contentChildren, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { EmptyStateComponent } from '../empty-state/empty-state.component';
import { DataColumnDirective, DataTableComponent } from './data-table.component';
import type { ListSource } from './keyset-list';

/**
 * The body of a list page: its filters (the content written inside, other than the columns), why the last
 * load failed, an empty state when nothing matches, else the table of rows and "Show more" while there are
 * more pages.
 */
@Component({
  selector: 'rp-list',
  imports: [MatButtonModule, EmptyStateComponent, DataTableComponent],
  template: `
    <ng-content />
    @if (list().error(); as message) {
      <p class="list__error" role="alert">{{ message }}</p>
    }
    @if (!list().isLoading() && list().items().length === 0) {
      <rp-empty-state [icon]="emptyIcon()" [title]="emptyTitle()" [message]="emptyMessage()" />
    } @else {
      <rp-data-table [rows]="list().items()" [label]="label()" [columns]="columns()" [flagged]="flagged()" />
      @if (list().nextCursor()) {
        <button mat-button type="button" (click)="list().more()">{{ moreLabel() }}</button>
      }
    }
  `,
  styles: `
    .list__error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListPageComponent<T> {
  readonly list = input.required<ListSource<T>>();
  /** The table's name for screen readers ("Orders"). */
  readonly label = input.required<string>();
  readonly emptyIcon = input('inbox');
  readonly emptyTitle = input.required<string>();
  readonly emptyMessage = input('');
  readonly moreLabel = input('Show more');
  readonly flagged = input<((row: T) => boolean) | undefined>(undefined);

  protected readonly columns = contentChildren(DataColumnDirective);
}
