import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const CUSTOMERS_ROUTES: Routes = [
  pageRoute('', 'Customers', () => import('./customers-page').then((m) => m.CustomersPage)),
  pageRoute('import', 'Import', () => import('../imports/import-page').then((m) => m.ImportPage)),
  pageRoute('import/:importId', 'Import', () => import('../imports/import-page').then((m) => m.ImportPage)),
  pageRoute(':customerId', 'Customer', () =>
    import('./customer-detail-page').then((m) => m.CustomerDetailPage),
  ),
];
