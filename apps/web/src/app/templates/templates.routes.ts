import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const TEMPLATES_ROUTES: Routes = [
  pageRoute('', 'Templates', () => import('./templates-page').then((m) => m.TemplatesPage)),
  pageRoute(':kind/:locale', 'Edit template', () =>
    import('./template-editor-page').then((m) => m.TemplateEditorPage),
  ),
];
