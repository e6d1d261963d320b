import { NgTemplateOutlet } from '@angular/common';
import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  Directive,
  inject,
  input,
  TemplateRef,
} from '@angular/core';
import { MatTableModule } from '@angular/material/table';

/**
 * One column of a table: `<ng-template rpColumn="Buyer" let-order>…</ng-template>`, the header's words and
 * what a row's cell shows. The header also names the cell on a phone, where each row becomes a card.
 */
@Directive({ selector: 'ng-template[rpColumn]' })
export class DataColumnDirective {
  readonly header = input.required<string>({ alias: 'rpColumn' });
  /** For a column of buttons: its header is for screen readers only and its cells go unnamed. */
  readonly rpColumnHeaderHidden = input(false, { transform: booleanAttribute });
  readonly template = inject<TemplateRef<{ $implicit: unknown }>>(TemplateRef);
}

/**
 * A table of rows, its columns given as `rpColumn` templates inside it (or handed on by a list page).
 * Flagged rows (an overdue case) are tinted.
 */
@Component({
  selector: 'rp-data-table',
  imports: [MatTableModule, NgTemplateOutlet],
  template: `
    <table mat-table [dataSource]="rows()" [attr.aria-label]="label()" class="data-table">
      @for (column of shown(); track $index) {
        <ng-container [matColumnDef]="'c' + $index">
          <th mat-header-cell *matHeaderCellDef>
            @if (column.rpColumnHeaderHidden()) {
              <span class="cdk-visually-hidden">{{ column.header() }}</span>
            } @else {
              {{ column.header() }}
            }
          </th>
          <td
            mat-cell
            *matCellDef="let row"
            [attr.data-label]="column.rpColumnHeaderHidden() ? null : column.header()"
          >
            <ng-container *ngTemplateOutlet="column.template; context: { $implicit: row }" />
          </td>
        </ng-container>
      }
      <tr mat-header-row *matHeaderRowDef="keys()"></tr>
      <tr mat-row *matRowDef="let row; columns: keys()" [class.data-table__flagged]="isFlagged(row)"></tr>
    </table>
  `,
  styles: `
    .data-table {
      width: 100%;
      margin-bottom: 16px;
    }
    .data-table__flagged {
      background: var(--mat-sys-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTableComponent<T> {
  readonly rows = input.required<readonly T[]>();
  /** The table's name for screen readers ("Orders"). */
  readonly label = input.required<string>();
  /** Columns handed on by a list page; otherwise the `rpColumn` templates written inside this table. */
  readonly columns = input<readonly DataColumnDirective[] | undefined>(undefined);
  readonly flagged = input<((row: T) => boolean) | undefined>(undefined);

  private readonly written = contentChildren(DataColumnDirective);
  protected readonly shown = computed(() => this.columns() ?? this.written());
  protected readonly keys = computed(() => this.shown().map((_, index) => `c${index}`));

  protected isFlagged(row: T): boolean {
    return this.flagged()?.(row) ?? false;
  }
}
