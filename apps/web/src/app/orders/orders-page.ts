import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { ORDER_STATUSES, type OrderResponse, type OrderStatus } from '@rapport/domain';
import { choicesOf, LIST_PAGE_PARTS } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { keysetList } from '../http/keyset-list';
import { OrdersApi } from './orders-api';

@Component({
  selector: 'rp-orders-page',
  imports: [LIST_PAGE_PARTS],
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
    <rp-list
      [list]="list"
      label="Orders"
      emptyIcon="receipt_long"
      emptyTitle="No orders match"
      emptyMessage="Orders arrive from your shop, CSV imports and the API."
    >
      <div class="filters" role="search">
        <rp-search-field label="Search by order number or buyer" [control]="filters.controls.search" />
        <rp-select-field
          label="Status"
          [control]="filters.controls.status"
          [choices]="statuses"
          emptyLabel="Any"
        />
      </div>
      @if (productId()) {
        <a mat-button routerLink="/orders"><mat-icon>close</mat-icon> Only one product: show all orders</a>
      }
      <ng-template rpColumn="Order" let-order>
        <a [routerLink]="['/orders', order.id]">{{ order.externalId }}</a>
      </ng-template>
      <ng-template rpColumn="Buyer" let-order>
        <a [routerLink]="['/customers', order.customer.id]">{{
          order.customer.name || order.customer.email
        }}</a>
      </ng-template>
      <ng-template rpColumn="Placed" let-order>{{ order.placedAt | date: 'medium' }}</ng-template>
      <ng-template rpColumn="Total" let-order>{{ order.total }} {{ order.currency }}</ng-template>
      <ng-template rpColumn="Status" let-order>{{ order.status }}</ng-template>
      <ng-template rpColumn="From" let-order>{{ order.source }}</ng-template>
    </rp-list>
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
  readonly statuses = choicesOf(ORDER_STATUSES);
  readonly filters = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    status: new FormControl<OrderStatus | ''>('', { nonNullable: true }),
  });

  /** Reads the filters when it loads, so a reload asks for what the form shows. */
  readonly list = keysetList<OrderResponse>((cursor) => {
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
