import type { Routes } from '@angular/router';

export const ORDERS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
    title: 'Orders · Rapport',
  },
  {
    path: 'products',
    loadComponent: () => import('./products-page').then((m) => m.ProductsPage),
    title: 'Products · Rapport',
  },
  {
    path: 'new',
    loadComponent: () => import('./new-order-page').then((m) => m.NewOrderPage),
    title: 'New order · Rapport',
  },
  {
    path: ':orderId',
    loadComponent: () => import('./order-detail-page').then((m) => m.OrderDetailPage),
    title: 'Order · Rapport',
  },
];
