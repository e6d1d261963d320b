import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const SURVEYS_ROUTES: Routes = [
  pageRoute('', 'Surveys', () => import('./surveys-page').then((m) => m.SurveysPage)),
  pageRoute(':surveyId', 'Survey', () => import('./survey-editor-page').then((m) => m.SurveyEditorPage)),
];
