import type { Routes } from '@angular/router';

export const TEMPLATES_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./templates-page').then((m) => m.TemplatesPage),
    title: 'Templates · Rapport',
  },
  {
    path: ':kind/:locale',
    loadComponent: () => import('./template-editor-page').then((m) => m.TemplateEditorPage),
    title: 'Edit template · Rapport',
  },
];
