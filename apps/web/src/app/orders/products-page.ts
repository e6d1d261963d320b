import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import type { ProductResponse } from '@rapport/domain';
import { LIST_PAGE_PARTS } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { wholeList } from '../http/keyset-list';
import { OrdersApi } from './orders-api';

@Component({
  selector: 'rp-products-page',
  imports: [LIST_PAGE_PARTS],
  template: `
    <rp-page-header title="Products" subtitle="Everything your buyers ordered, created as orders arrive.">
      <a mat-button routerLink="/orders"><mat-icon>arrow_back</mat-icon> Orders</a>
    </rp-page-header>
    <rp-list
      [list]="list"
      label="Products"
      emptyIcon="inventory_2"
      emptyTitle="No products"
      emptyMessage="Products are created from the lines of incoming orders."
    >
      <div class="filters" role="search">
        <rp-search-field label="Search by name or SKU" [control]="search" />
      </div>
      <ng-template rpColumn="Product" let-product>
        <a routerLink="/orders" [queryParams]="{ productId: product.id, product: product.name }">{{
          product.name
        }}</a>
      </ng-template>
      <ng-template rpColumn="SKU" let-product>{{ product.sku ?? '—' }}</ng-template>
      <ng-template rpColumn="Orders" let-product>{{ product.orderCount }}</ng-template>
    </rp-list>
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductsPage implements OnInit {
  private readonly api = inject(OrdersApi);
  readonly search = new FormControl('', { nonNullable: true });
  readonly list = wholeList<ProductResponse>(() => this.api.products(this.search.value.trim()));

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.list.reload());
  }

  async ngOnInit(): Promise<void> {
    await this.list.reload();
  }
}
