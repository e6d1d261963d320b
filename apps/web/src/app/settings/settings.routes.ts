import { inject } from '@angular/core';
import { type CanActivateFn, type Routes, Router } from '@angular/router';
import type { Permission } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';

/** A settings tab and the permission it needs (null: every signed-in person). */
export interface SettingsTab {
  path: string;
  label: string;
  permission: Permission | null;
}

export const SETTINGS_TABS: readonly SettingsTab[] = [
  { path: 'business', label: 'Business', permission: 'business:read' },
  { path: 'answers', label: 'Answers and cases', permission: 'business:read' },
  { path: 'team', label: 'Team', permission: 'team:manage' },
  { path: 'integrations', label: 'Shops', permission: 'business:manage' },
  { path: 'api-keys', label: 'API keys', permission: 'api-keys:manage' },
  { path: 'security', label: 'Your account', permission: null },
  { path: 'audit', label: 'Audit log', permission: 'audit:read' },
];

/** Hides a tab the member may not use, instead of showing a page of errors. */
const canOpen =
  (permission: Permission | null): CanActivateFn =>
  () => {
    const router = inject(Router);
    return permission === null || inject(SessionStore).can(permission)
      ? true
      : router.createUrlTree(['/settings/security']);
  };

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./settings-page').then((m) => m.SettingsPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'business' },
      {
        path: 'business',
        canActivate: [canOpen('business:read')],
        loadComponent: () => import('./business-settings-page').then((m) => m.BusinessSettingsPage),
        title: 'Business · Settings · Rapport',
      },
      {
        path: 'answers',
        canActivate: [canOpen('business:read')],
        loadComponent: () => import('./feedback-settings-page').then((m) => m.FeedbackSettingsPage),
        title: 'Answers and cases · Settings · Rapport',
      },
      {
        path: 'team',
        canActivate: [canOpen('team:manage')],
        loadComponent: () => import('./team-page').then((m) => m.TeamPage),
        title: 'Team · Settings · Rapport',
      },
      {
        path: 'integrations',
        canActivate: [canOpen('business:manage')],
        loadComponent: () => import('./integrations-page').then((m) => m.IntegrationsPage),
        title: 'Shops · Settings · Rapport',
      },
      {
        path: 'api-keys',
        canActivate: [canOpen('api-keys:manage')],
        loadComponent: () => import('./api-keys-page').then((m) => m.ApiKeysPage),
        title: 'API keys · Settings · Rapport',
      },
      {
        path: 'security',
        loadComponent: () => import('./security-page').then((m) => m.SecurityPage),
        title: 'Your account · Settings · Rapport',
      },
      {
        path: 'audit',
        canActivate: [canOpen('audit:read')],
        loadComponent: () => import('./audit-page').then((m) => m.AuditPage),
        title: 'Audit log · Settings · Rapport',
      },
    ],
  },
];
