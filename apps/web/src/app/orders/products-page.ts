import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ProductResponse } from '@rapport/domain';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { OrdersApi } from './orders-api';

@Component({
  selector: 'rp-products-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    EmptyStateComponent,
  ],
  template: `
    <rp-page-header title="Products" subtitle="Everything your buyers ordered, created as orders arrive.">
      <a mat-button routerLink="/orders"><mat-icon>arrow_back</mat-icon> Orders</a>
    </rp-page-header>
    <div class="filters" role="search">
      <mat-form-field appearance="outline" class="filters__search">
        <mat-label>Search by name or SKU</mat-label>
        <input matInput [formControl]="search" autocomplete="off" />
      </mat-form-field>
    </div>
    @if (products().length === 0) {
      <rp-empty-state
        icon="inventory_2"
        title="No products"
        message="Products are created from the lines of incoming orders."
      />
    } @else {
      <table mat-table [dataSource]="products()" aria-label="Products" class="list-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Product</th>
          <td mat-cell data-label="Product" *matCellDef="let product">
            <a routerLink="/orders" [queryParams]="{ productId: product.id, product: product.name }">{{
              product.name
            }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="sku">
          <th mat-header-cell *matHeaderCellDef>SKU</th>
          <td mat-cell data-label="SKU" *matCellDef="let product">{{ product.sku ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="orders">
          <th mat-header-cell *matHeaderCellDef>Orders</th>
          <td mat-cell data-label="Orders" *matCellDef="let product">{{ product.orderCount }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="['name', 'sku', 'orders']"></tr>
        <tr mat-row *matRowDef="let row; columns: ['name', 'sku', 'orders']"></tr>
      </table>
    }
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductsPage implements OnInit {
  private readonly api = inject(OrdersApi);
  readonly products = signal<ProductResponse[]>([]);
  readonly search = new FormControl('', { nonNullable: true });

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.ngOnInit());
  }

  async ngOnInit(): Promise<void> {
    this.products.set(await this.api.products(this.search.value.trim()));
  }
}
