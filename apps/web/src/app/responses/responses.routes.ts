import type { Routes } from '@angular/router';

export const RESPONSES_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./responses-page').then((m) => m.ResponsesPage),
    title: 'Responses · Rapport',
  },
];
