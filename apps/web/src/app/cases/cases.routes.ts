import type { Routes } from '@angular/router';

export const CASES_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./cases-page').then((m) => m.CasesPage),
    title: 'Cases · Rapport',
  },
  {
    path: ':caseId',
    loadComponent: () => import('./case-detail-page').then((m) => m.CaseDetailPage),
    title: 'Case · Rapport',
  },
];
