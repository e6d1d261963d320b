import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const ANSWERS_ROUTES: Routes = [
  pageRoute('', 'Answers', () => import('./answers-page').then((m) => m.AnswersPage)),
];
