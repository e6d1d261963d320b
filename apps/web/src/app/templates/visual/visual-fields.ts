import {
  DEFAULT_TEXT_COLOR,
  editableFromRichText,
  richTextFromEditable,
  type VisualTemplate,
} from '@rapport/domain';

/** The visual template as the form holds it: every text as a person reads and types it. */
export interface VisualFields {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: 'none' | 'button' | 'survey';
  buttonLabel: string;
  buttonUrl: string;
  replyHint: string;
  signature: string;
  footerNote: string;
  unsubscribeLabel: string;
  /** Empty: the business's colour from Settings. */
  brandColor: string;
  textColor: string;
  /** Empty: the business's logo from Settings. */
  logoUrl: string;
}

/** The text fields a variable may be inserted into, by name (paragraphs as `paragraphs.N`). */
export type TextFieldKey =
  | 'subject'
  | 'greeting'
  | 'buttonLabel'
  | 'replyHint'
  | 'signature'
  | 'footerNote'
  | 'unsubscribeLabel'
  | `paragraphs.${number}`;

export function fieldsOf(template: VisualTemplate): VisualFields {
  const text = editableFromRichText;
  const action = template.action;
  return {
    subject: text(template.subject),
    greeting: text(template.greeting),
    paragraphs: template.paragraphs.map(text),
    action: action?.kind ?? 'none',
    buttonLabel: action ? text(action.kind === 'button' ? action.label : action.buttonLabel) : '',
    buttonUrl: action?.kind === 'button' ? action.url : '',
    replyHint: action?.kind === 'survey' ? text(action.replyHint) : '',
    signature: text(template.signature),
    footerNote: text(template.footerNote),
    unsubscribeLabel: text(template.unsubscribeLabel),
    brandColor: template.brandColor ?? '',
    textColor: template.textColor,
    logoUrl: template.logoUrl ?? '',
  };
}

export function templateOf(fields: VisualFields): VisualTemplate {
  const rich = richTextFromEditable;
  const label = rich(fields.buttonLabel);
  return {
    subject: rich(fields.subject),
    greeting: rich(fields.greeting),
    paragraphs: fields.paragraphs.map(rich),
    action:
      fields.action === 'button'
        ? { kind: 'button', label, url: fields.buttonUrl.trim() }
        : fields.action === 'survey'
          ? { kind: 'survey', buttonLabel: label, replyHint: rich(fields.replyHint) }
          : null,
    signature: rich(fields.signature),
    footerNote: rich(fields.footerNote),
    unsubscribeLabel: rich(fields.unsubscribeLabel),
    brandColor: fields.brandColor.trim() || null,
    textColor: fields.textColor.trim() || DEFAULT_TEXT_COLOR,
    logoUrl: fields.logoUrl.trim() || null,
  };
}

/** The field's value, and the same fields with it replaced. */
export function readField(fields: VisualFields, key: TextFieldKey): string {
  if (key.startsWith('paragraphs.')) return fields.paragraphs[Number(key.slice(11))] ?? '';
  return fields[key as Exclude<TextFieldKey, `paragraphs.${number}`>];
}

export function writeField(fields: VisualFields, key: TextFieldKey, value: string): VisualFields {
  if (!key.startsWith('paragraphs.')) return { ...fields, [key]: value };
  const index = Number(key.slice(11));
  return { ...fields, paragraphs: fields.paragraphs.map((text, at) => (at === index ? value : text)) };
}

/** Where a field's problem is shown: the check's field names, in the words of the form. */
export const FIELD_LABELS: Record<string, string> = {
  subject: 'Subject',
  greeting: 'Greeting',
  paragraphs: 'Text',
  'button.label': 'Button words',
  'button.url': 'Button link',
  'survey.buttonLabel': 'Button words',
  'survey.replyHint': 'Words when there is no survey',
  signature: 'Signature',
  footerNote: 'Footer note',
  unsubscribeLabel: 'Unsubscribe link words',
  brandColor: 'Brand colour',
  textColor: 'Text colour',
  logoUrl: 'Logo address',
};

export function fieldLabel(field: string): string {
  const paragraph = /^paragraphs\[(\d+)\]$/.exec(field);
  if (paragraph) return `Paragraph ${Number(paragraph[1]) + 1}`;
  return FIELD_LABELS[field] ?? field;
}
