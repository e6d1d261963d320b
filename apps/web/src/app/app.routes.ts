import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './auth/auth.guards';
import { comingSoonRoutes } from './shell/navigation';

export const APP_ROUTES: Routes = [
  {
    path: 'login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
    title: 'Sign in · Rapport',
  },
  {
    path: 'signup',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/signup-page').then((m) => m.SignupPage),
    title: 'Create your account · Rapport',
  },
  {
    path: 'confirm-signup',
    loadComponent: () => import('./auth/confirm-signup-page').then((m) => m.ConfirmSignupPage),
    title: 'Create your business · Rapport',
  },
  {
    path: 'forgot-password',
    loadComponent: () => import('./auth/forgot-password-page').then((m) => m.ForgotPasswordPage),
    title: 'Reset your password · Rapport',
  },
  {
    path: 'reset-password',
    loadComponent: () => import('./auth/reset-password-page').then((m) => m.ResetPasswordPage),
    title: 'Choose a new password · Rapport',
  },
  {
    path: 'invite',
    loadComponent: () => import('./invitations/accept-invitation-page').then((m) => m.AcceptInvitationPage),
    title: 'Your invitation · Rapport',
  },
  {
    path: 'dev/mailbox',
    loadComponent: () => import('./dev-mailbox/dev-mailbox-page').then((m) => m.DevMailboxPage),
    title: 'Development mailbox · Rapport',
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        loadComponent: () => import('./dashboard/dashboard-page').then((m) => m.DashboardPage),
        title: 'Dashboard · Rapport',
      },
      {
        path: 'customers',
        loadChildren: () => import('./customers/customers.routes').then((m) => m.CUSTOMERS_ROUTES),
      },
      {
        path: 'orders',
        loadChildren: () => import('./orders/orders.routes').then((m) => m.ORDERS_ROUTES),
      },
      {
        path: 'automations',
        loadChildren: () => import('./automations/automations.routes').then((m) => m.AUTOMATIONS_ROUTES),
      },
      {
        path: 'templates',
        loadChildren: () => import('./templates/templates.routes').then((m) => m.TEMPLATES_ROUTES),
      },
      {
        path: 'surveys',
        loadChildren: () => import('./surveys/surveys.routes').then((m) => m.SURVEYS_ROUTES),
      },
      {
        path: 'responses',
        loadChildren: () => import('./responses/responses.routes').then((m) => m.RESPONSES_ROUTES),
      },
      {
        path: 'cases',
        loadChildren: () => import('./cases/cases.routes').then((m) => m.CASES_ROUTES),
      },
      {
        path: 'reports',
        loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: 'settings',
        loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
      },
      {
        path: 'businesses/new',
        loadComponent: () => import('./businesses/new-business-page').then((m) => m.NewBusinessPage),
        title: 'Add a business · Rapport',
      },
      ...comingSoonRoutes(),
    ],
  },
  { path: '**', redirectTo: '' },
];
