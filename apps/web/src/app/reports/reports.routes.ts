import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const REPORTS_ROUTES: Routes = [
  pageRoute('', 'Reports', () => import('./reports-page').then((m) => m.ReportsPage)),
  pageRoute('recommendations', 'Recommendations', () =>
    import('./recommendations-page').then((m) => m.RecommendationsPage),
  ),
  pageRoute(':weekStart', 'Weekly report', () => import('./report-page').then((m) => m.ReportPage)),
];
