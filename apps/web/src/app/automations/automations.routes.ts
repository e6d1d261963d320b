import type { Routes } from '@angular/router';
import { pageRoute } from '../routing/page-route';

export const AUTOMATIONS_ROUTES: Routes = [
  pageRoute('', 'Automations', () => import('./automations-page').then((m) => m.AutomationsPage)),
  pageRoute('mailbox', 'Mailbox', () => import('./mailbox-page').then((m) => m.MailboxPage)),
  pageRoute('messages', 'Messages', () => import('./messages-page').then((m) => m.MessagesPage)),
];
