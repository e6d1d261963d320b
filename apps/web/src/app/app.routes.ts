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
      ...comingSoonRoutes(),
    ],
  },
  { path: '**', redirectTo: '' },
];
