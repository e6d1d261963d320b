import type { Routes } from '@angular/router';

export const AUTOMATIONS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./automations-page').then((m) => m.AutomationsPage),
    title: 'Automations · Rapport',
  },
  {
    path: 'mailbox',
    loadComponent: () => import('./mailbox-page').then((m) => m.MailboxPage),
    title: 'Mailbox · Rapport',
  },
  {
    path: 'messages',
    loadComponent: () => import('./messages-page').then((m) => m.MessagesPage),
    title: 'Messages · Rapport',
  },
];
