import type { Routes } from '@angular/router';

export const CUSTOMERS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./customers-page').then((m) => m.CustomersPage),
    title: 'Customers · Rapport',
  },
  {
    path: 'import',
    loadComponent: () => import('../imports/import-page').then((m) => m.ImportPage),
    title: 'Import · Rapport',
  },
  {
    path: 'import/:importId',
    loadComponent: () => import('../imports/import-page').then((m) => m.ImportPage),
    title: 'Import · Rapport',
  },
  {
    path: ':customerId',
    loadComponent: () => import('./customer-detail-page').then((m) => m.CustomerDetailPage),
    title: 'Customer · Rapport',
  },
];
