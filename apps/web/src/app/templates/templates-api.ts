import { inject, Injectable } from '@angular/core';
import {
  BUYER_LOCALE_NAMES,
  type BuyerLocale,
  type EmailTemplateResponse,
  type MessageKind,
  type PreviewTemplateRequest,
  type SaveTemplateRequest,
  type TemplatePreviewResponse,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class TemplatesApi {
  private readonly api = inject(ApiClient);

  list(): Promise<EmailTemplateResponse[]> {
    return this.api.get<EmailTemplateResponse[]>('/api/templates');
  }

  get(kind: MessageKind, locale: BuyerLocale): Promise<EmailTemplateResponse> {
    return this.api.get<EmailTemplateResponse>(`/api/templates/${kind}/${locale}`);
  }

  save(kind: MessageKind, locale: BuyerLocale, source: SaveTemplateRequest): Promise<EmailTemplateResponse> {
    return this.api.put<EmailTemplateResponse>(`/api/templates/${kind}/${locale}`, source);
  }

  reset(kind: MessageKind, locale: BuyerLocale): Promise<EmailTemplateResponse> {
    return this.api.delete<EmailTemplateResponse>(`/api/templates/${kind}/${locale}`);
  }

  preview(
    kind: MessageKind,
    locale: BuyerLocale,
    request: PreviewTemplateRequest,
  ): Promise<TemplatePreviewResponse> {
    return this.api.post<TemplatePreviewResponse>(`/api/templates/${kind}/${locale}/preview`, request);
  }

  sendTest(
    kind: MessageKind,
    locale: BuyerLocale,
    request: PreviewTemplateRequest,
  ): Promise<{ sentTo: string }> {
    return this.api.post<{ sentTo: string }>(`/api/templates/${kind}/${locale}/test`, request);
  }
}

export const KIND_LABELS: Record<MessageKind, string> = {
  'thank-you': 'Thank you',
  'opinion-request': 'Opinion request',
  reminder: 'Reminder',
  manual: 'Manual message',
  'enquiry-thanks': 'Thank you for your enquiry',
  'quote-follow-up': 'Quote follow-up',
  'visit-thanks': 'Thanks for visiting',
  'missed-you': 'We missed you',
  'referral-request': 'Would you recommend us?',
  'referral-thanks': 'Thank you for recommending us',
};

export const LOCALE_LABELS = BUYER_LOCALE_NAMES;
