import type { Routes } from '@angular/router';
import { canOpenWith } from '../auth/auth.guards';
import { pageRoute } from '../routing/page-route';

export const ENQUIRIES_ROUTES: Routes = [
  pageRoute('', 'Enquiries', () => import('./enquiries-page').then((m) => m.EnquiriesPage), [
    canOpenWith('interactions:read'),
  ]),
  pageRoute(':enquiryId', 'Enquiry', () => import('./enquiry-detail-page').then((m) => m.EnquiryDetailPage), [
    canOpenWith('interactions:read'),
  ]),
];
