import type { BuyerLocale } from '../commerce/customers';
import type { MessageKind } from '../automations/message-kinds';

/** One email template: the business's own, or the built-in default for that kind and language. */
export interface EmailTemplateResponse {
  kind: MessageKind;
  locale: BuyerLocale;
  subject: string;
  /** MJML with Liquid variables. */
  body: string;
  /** False while the business uses the built-in text. */
  isCustom: boolean;
  version: number;
  updatedAt: string | null;
}

export interface SaveTemplateRequest {
  subject: string;
  body: string;
}

export interface PreviewTemplateRequest extends SaveTemplateRequest {
  /** Render for this customer (and their latest order) instead of the sample buyer. */
  customerId?: string;
}

/** A template as the buyer would receive it, or the problems that keep it from rendering. */
export interface TemplatePreviewResponse {
  subject: string;
  html: string;
  text: string;
  problems: { field: string; reason: string }[];
}
