import type { Routes } from '@angular/router';

export const SURVEYS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./surveys-page').then((m) => m.SurveysPage),
    title: 'Surveys · Rapport',
  },
  {
    path: ':surveyId',
    loadComponent: () => import('./survey-editor-page').then((m) => m.SurveyEditorPage),
    title: 'Survey · Rapport',
  },
];
