import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ORDER_STATUSES, type OrderResponse, type OrderStatus } from '@rapport/domain';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { KeysetList } from '../http/keyset-list';
import { OrdersApi } from './orders-api';

@Component({
  selector: 'rp-orders-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    EmptyStateComponent,
  ],
  template: `
    <rp-page-header
      title="Orders"
      [subtitle]="product() ? 'Orders with ' + product() : 'From your shop, imports and the API.'"
    >
      <a mat-button routerLink="/orders/products"><mat-icon>inventory_2</mat-icon> Products</a>
      @if (canImport) {
        <a mat-stroked-button routerLink="/orders/new"><mat-icon>add</mat-icon> New order</a>
      }
      @if (canImport) {
        <a mat-flat-button routerLink="/customers/import" [queryParams]="{ kind: 'orders' }">
          <mat-icon>upload_file</mat-icon> Import CSV
        </a>
      }
    </rp-page-header>
    <form class="filters" [formGroup]="filters" role="search">
      <mat-form-field appearance="outline" class="filters__search">
        <mat-label>Search by order number or buyer</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input matInput formControlName="search" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <mat-select formControlName="status">
          <mat-option value="">Any</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ status }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
    @if (productId()) {
      <a mat-button routerLink="/orders"><mat-icon>close</mat-icon> Only one product: show all orders</a>
    }
    @if (list.error(); as message) {
      <p class="list-error" role="alert">{{ message }}</p>
    }
    @if (!list.isLoading() && list.items().length === 0) {
      <rp-empty-state
        icon="receipt_long"
        title="No orders match"
        message="Orders arrive from your shop, CSV imports and the API."
      />
    } @else {
      <table mat-table [dataSource]="list.items()" aria-label="Orders" class="list-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>Order</th>
          <td mat-cell data-label="Order" *matCellDef="let order">
            <a [routerLink]="['/orders', order.id]">{{ order.externalId }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="buyer">
          <th mat-header-cell *matHeaderCellDef>Buyer</th>
          <td mat-cell data-label="Buyer" *matCellDef="let order">
            <a [routerLink]="['/customers', order.customer.id]">{{
              order.customer.name || order.customer.email
            }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="placed">
          <th mat-header-cell *matHeaderCellDef>Placed</th>
          <td mat-cell data-label="Placed" *matCellDef="let order">{{ order.placedAt | date: 'medium' }}</td>
        </ng-container>
        <ng-container matColumnDef="total">
          <th mat-header-cell *matHeaderCellDef>Total</th>
          <td mat-cell data-label="Total" *matCellDef="let order">{{ order.total }} {{ order.currency }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell data-label="Status" *matCellDef="let order">{{ order.status }}</td>
        </ng-container>
        <ng-container matColumnDef="source">
          <th mat-header-cell *matHeaderCellDef>From</th>
          <td mat-cell data-label="From" *matCellDef="let order">{{ order.source }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
      @if (list.nextCursor()) {
        <button mat-button type="button" (click)="list.more()">Show more</button>
      }
    }
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrdersPage {
  private readonly api = inject(OrdersApi);
  readonly canImport = inject(SessionStore).can('orders:write');
  /** Query parameters from the products list: only orders with this product. */
  readonly productId = input<string>();
  readonly product = input<string>();
  readonly statuses = ORDER_STATUSES;
  readonly columns = ['number', 'buyer', 'placed', 'total', 'status', 'source'];
  readonly filters = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    status: new FormControl<OrderStatus | ''>('', { nonNullable: true }),
  });

  /** Reads the filters when it loads, so a reload asks for what the form shows. */
  readonly list = new KeysetList<OrderResponse>((cursor) => {
    const { search, status } = this.filters.getRawValue();
    return this.api.list({
      search: search.trim() || undefined,
      status: status || undefined,
      productId: this.productId() || undefined,
      cursor,
    });
  });

  constructor() {
    this.filters.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.list.reload());
    // Again whenever the product in the query string changes: the router keeps this page for "all orders".
    effect(() => {
      this.productId();
      untracked(() => void this.list.reload());
    });
  }
}
