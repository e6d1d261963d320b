import type { Route } from '@angular/router';
import type { Permission } from '@rapport/domain';

export interface NavSection {
  path: string;
  label: string;
  icon: string;
  /** One line on what the section is for; shown while it is not built yet. */
  purpose: string;
  isBuilt: boolean;
  /** Shown only to members whose role includes it; every member sees a section without one. */
  permission?: Permission;
}

/** The console's sections, in the order of the side navigation. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    path: 'dashboard',
    label: 'Dashboard',
    icon: 'space_dashboard',
    purpose: 'How your follow-ups are doing this week.',
    isBuilt: true,
  },
  {
    path: 'customers',
    label: 'Customers',
    icon: 'group',
    purpose: 'Your buyers, their orders and everything they told you.',
    isBuilt: true,
  },
  {
    path: 'orders',
    label: 'Orders',
    icon: 'receipt_long',
    purpose: 'Orders from your shop, imports and the API.',
    isBuilt: true,
  },
  {
    path: 'automations',
    label: 'Automations',
    icon: 'bolt',
    purpose: 'When each thank-you and opinion request goes out.',
    isBuilt: true,
  },
  {
    path: 'templates',
    label: 'Templates',
    icon: 'mail',
    purpose: 'The emails your buyers receive.',
    isBuilt: true,
  },
  {
    path: 'surveys',
    label: 'Surveys',
    icon: 'quiz',
    purpose: 'The questions you ask your buyers.',
    isBuilt: true,
  },
  {
    path: 'answers',
    label: 'Answers',
    icon: 'forum',
    purpose: 'Every answer and reply from your buyers.',
    isBuilt: true,
  },
  {
    path: 'cases',
    label: 'Cases',
    icon: 'support_agent',
    purpose: 'Unhappy buyers to get back to, with an owner and a due time.',
    isBuilt: true,
  },
  {
    path: 'enquiries',
    label: 'Enquiries',
    icon: 'contact_support',
    purpose: 'People who asked you something, waiting for an answer.',
    isBuilt: true,
    permission: 'interactions:read',
  },
  {
    path: 'reports',
    label: 'Reports',
    icon: 'insights',
    purpose: 'The weekly report sent to the owner, and its archive.',
    isBuilt: true,
  },
  {
    path: 'settings',
    label: 'Settings',
    icon: 'settings',
    purpose: 'Your business, team, sender details and integrations.',
    isBuilt: true,
  },
];

/** Routes for sections that are not built yet: each says so plainly instead of showing an empty screen. */
export function comingSoonRoutes(): Route[] {
  return NAV_SECTIONS.filter((section) => !section.isBuilt).map((section) => ({
    path: section.path,
    loadComponent: () => import('./coming-soon-page').then((m) => m.ComingSoonPage),
    data: { section },
    title: `${section.label} · Rapport`,
  }));
}
