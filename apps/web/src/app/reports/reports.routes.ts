import type { Routes } from '@angular/router';

export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./reports-page').then((m) => m.ReportsPage),
    title: 'Reports · Rapport',
  },
  {
    path: ':weekStart',
    loadComponent: () => import('./report-page').then((m) => m.ReportPage),
    title: 'Weekly report · Rapport',
  },
];
