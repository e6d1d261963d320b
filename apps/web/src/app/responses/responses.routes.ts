import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const RESPONSES_ROUTES: Routes = [
  pageRoute('', 'Responses', () => import('./responses-page').then((m) => m.ResponsesPage)),
];
