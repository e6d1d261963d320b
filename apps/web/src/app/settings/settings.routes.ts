import { inject } from '@angular/core';
import { type CanActivateFn, type Route, type Routes, Router } from '@angular/router';
import type { Permission } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { pageRoute } from '../routing/page-route';

/** A settings tab: its address, its name, the permission it needs (null: every signed-in person), its page. */
export interface SettingsTab {
  path: string;
  label: string;
  permission: Permission | null;
  load: NonNullable<Route['loadComponent']>;
}

export const SETTINGS_TABS: readonly SettingsTab[] = [
  {
    path: 'business',
    label: 'Business',
    permission: 'business:read',
    load: () => import('./business-settings-page').then((m) => m.BusinessSettingsPage),
  },
  {
    path: 'answers',
    label: 'Answers and cases',
    permission: 'business:read',
    load: () => import('./feedback-settings-page').then((m) => m.FeedbackSettingsPage),
  },
  {
    path: 'enquiry-form',
    label: 'Enquiry form',
    permission: 'interactions:read',
    load: () => import('./enquiry-form-page').then((m) => m.EnquiryFormPage),
  },
  {
    path: 'team',
    label: 'Team',
    permission: 'team:manage',
    load: () => import('./team-page').then((m) => m.TeamPage),
  },
  {
    path: 'integrations',
    label: 'Shops',
    permission: 'business:manage',
    load: () => import('./integrations-page').then((m) => m.IntegrationsPage),
  },
  {
    path: 'webhooks',
    label: 'Webhooks',
    permission: 'business:manage',
    load: () => import('./webhooks-page').then((m) => m.WebhooksPage),
  },
  {
    path: 'api-keys',
    label: 'API keys',
    permission: 'api-keys:manage',
    load: () => import('./api-keys-page').then((m) => m.ApiKeysPage),
  },
  {
    path: 'notifications',
    label: 'Notifications',
    permission: null,
    load: () => import('./notifications-page').then((m) => m.NotificationsPage),
  },
  {
    path: 'security',
    label: 'Your account',
    permission: null,
    load: () => import('./security-page').then((m) => m.SecurityPage),
  },
  {
    path: 'audit',
    label: 'Audit log',
    permission: 'audit:read',
    load: () => import('./audit-page').then((m) => m.AuditPage),
  },
];

/** Hides a tab the member may not use, instead of showing a page of errors. */
const canOpen =
  (permission: Permission): CanActivateFn =>
  () =>
    inject(SessionStore).can(permission) ? true : inject(Router).createUrlTree(['/settings/security']);

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./settings-page').then((m) => m.SettingsPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'business' },
      ...SETTINGS_TABS.map((tab) =>
        pageRoute(
          tab.path,
          `${tab.label} · Settings`,
          tab.load,
          tab.permission ? [canOpen(tab.permission)] : [],
        ),
      ),
    ],
  },
];
