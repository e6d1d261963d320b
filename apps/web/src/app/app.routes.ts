import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './auth/auth.guards';
import { comingSoonRoutes } from './shell/navigation';
import { pageRoute } from './routing/page-route';

export const APP_ROUTES: Routes = [
  pageRoute('login', 'Sign in', () => import('./auth/login-page').then((m) => m.LoginPage), [signedOutGuard]),
  pageRoute('signup', 'Create your account', () => import('./auth/signup-page').then((m) => m.SignupPage), [
    signedOutGuard,
  ]),
  pageRoute('confirm-signup', 'Create your business', () =>
    import('./auth/confirm-signup-page').then((m) => m.ConfirmSignupPage),
  ),
  pageRoute('forgot-password', 'Reset your password', () =>
    import('./auth/forgot-password-page').then((m) => m.ForgotPasswordPage),
  ),
  pageRoute('reset-password', 'Choose a new password', () =>
    import('./auth/reset-password-page').then((m) => m.ResetPasswordPage),
  ),
  pageRoute('invite', 'Your invitation', () =>
    import('./invitations/accept-invitation-page').then((m) => m.AcceptInvitationPage),
  ),
  pageRoute('dev/mailbox', 'Development mailbox', () =>
    import('./dev-mailbox/dev-mailbox-page').then((m) => m.DevMailboxPage),
  ),
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      pageRoute('dashboard', 'Dashboard', () =>
        import('./dashboard/dashboard-page').then((m) => m.DashboardPage),
      ),
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
        // Where the answers were listed before; emails already sent link there.
        path: 'responses',
        redirectTo: 'answers',
      },
      {
        path: 'answers',
        loadChildren: () => import('./answers/answers.routes').then((m) => m.ANSWERS_ROUTES),
      },
      {
        path: 'cases',
        loadChildren: () => import('./cases/cases.routes').then((m) => m.CASES_ROUTES),
      },
      {
        path: 'enquiries',
        loadChildren: () => import('./interactions/enquiries.routes').then((m) => m.ENQUIRIES_ROUTES),
      },
      {
        path: 'reports',
        loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: 'settings',
        loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
      },
      pageRoute('businesses/new', 'Add a business', () =>
        import('./businesses/new-business-page').then((m) => m.NewBusinessPage),
      ),
      ...comingSoonRoutes(),
    ],
  },
  { path: '**', redirectTo: '' },
];
