import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const ORDERS_ROUTES: Routes = [
  pageRoute('', 'Orders', () => import('./orders-page').then((m) => m.OrdersPage)),
  pageRoute('products', 'Products', () => import('./products-page').then((m) => m.ProductsPage)),
  pageRoute('new', 'New order', () => import('./new-order-page').then((m) => m.NewOrderPage)),
  pageRoute(':orderId', 'Order', () => import('./order-detail-page').then((m) => m.OrderDetailPage)),
];
