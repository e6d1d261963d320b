import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ProductResponse } from '@rapport/domain';
import { DataColumnDirective, ListPageComponent, PageHeaderComponent } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { wholeList } from '../http/keyset-list';
import { OrdersApi } from './orders-api';

@Component({
  selector: 'rp-products-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    ListPageComponent,
    DataColumnDirective,
  ],
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
        <mat-form-field appearance="outline" class="filters__search">
          <mat-label>Search by name or SKU</mat-label>
          <input matInput [formControl]="search" autocomplete="off" />
        </mat-form-field>
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
