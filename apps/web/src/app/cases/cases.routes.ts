import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const CASES_ROUTES: Routes = [
  pageRoute('', 'Cases', () => import('./cases-page').then((m) => m.CasesPage)),
  pageRoute(':caseId', 'Case', () => import('./case-detail-page').then((m) => m.CaseDetailPage)),
];
