import type { FieldError } from '../contracts/errors';
import { unsafeTextReason } from '../text/text-safety';
import {
  fallbackProblem,
  plainLength,
  type RichText,
  richTextFromHtml,
  richTextFromSubject,
  richTextToHtml,
  richTextToSubject,
} from './rich-text';

/** What an email asks the buyer to do, if anything. */
export type VisualAction =
  /** A button to a page of the business's own (https). */
  | { kind: 'button'; label: RichText; url: string }
  /**
   * The opinion request's ask: the survey's first score inline when there is one, else a button to the
   * survey, else a line asking for a reply with a score.
   */
  | { kind: 'survey'; buttonLabel: RichText; replyHint: RichText };

/**
 * A template as the visual editor shows it: the blocks of the built-in layout. It is written to (and read
 * back from) the same MJML + Liquid the advanced editor edits, so both produce the same stored template.
 * The contact line and the unsubscribe link are always written: every email must carry them.
 */
export interface VisualTemplate {
  subject: RichText;
  greeting: RichText;
  paragraphs: RichText[];
  action: VisualAction | null;
  /** The line under the message, usually the business's name. */
  signature: RichText;
  /** An extra line in the footer; empty for none. */
  footerNote: RichText;
  unsubscribeLabel: RichText;
  /** #rrggbb, or null for the business's colour (Settings → Business). */
  brandColor: string | null;
  /** #rrggbb. */
  textColor: string;
  /** An https address, or null for the business's logo (Settings → Business), else its name. */
  logoUrl: string | null;
}

export const MAX_PARAGRAPHS = 12;
export const MAX_BLOCK_LENGTH = 4000;
const MAX_BODY_LENGTH = 100_000;
const HEX = /^#[0-9a-fA-F]{6}$/;
export const DEFAULT_TEXT_COLOR = '#1a1c1c';

const BRAND_VARIABLE = '{{ business.brand_color }}';
const BUSINESS_LOGO =
  '{% if business.logo_url != blank %}<img src="{{ business.logo_url }}" alt="{{ business.name }}" height="40" style="height:40px;border:0">{% else %}{{ business.name }}{% endif %}';
const CONTACT_LINE =
  '        <mj-text font-size="12px" line-height="18px" color="#555555" align="center">{{ business.name }}{% if business.phone != blank %} · {{ business.phone }}{% endif %}{% if business.email != blank %} · {{ business.email }}{% endif %}<br>{{ business.address }}</mj-text>';
const FOOTER_TEXT = '        <mj-text font-size="12px" color="#555555" align="center">';

const textLine = (html: string): string => `        <mj-text>${html}</mj-text>`;
const attribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function logoHtml(logoUrl: string | null): string {
  if (logoUrl === null) return BUSINESS_LOGO;
  return `<img src="${attribute(logoUrl)}" alt="{{ business.name }}" height="40" style="height:40px;border:0">`;
}

function surveyLines(
  action: Extract<VisualAction, { kind: 'survey' }>,
  brand: string,
  text: string,
): string[] {
  return [
    '        <mj-raw>{% if survey.scale.size > 0 %}</mj-raw>',
    textLine('<strong>{{ survey.question }}</strong>'),
    // One row from 320 px up: a fixed-layout table shares the width among the scores (0-10 would wrap as
    // inline boxes), and each cell ends a line in the plain-text part, so every score keeps its own link.
    textLine(
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="table-layout:fixed;width:100%;border-collapse:separate;border-spacing:2px 0"><tr>{% for choice in survey.scale %}<td style="padding:0;text-align:center"><a href="{{ choice.url }}" style="display:block;padding:10px 0;border:2px solid ${brand};border-radius:6px;color:${text};font-weight:600;font-size:14px;line-height:20px;white-space:nowrap;text-decoration:none">{{ choice.score }}</a></td>{% endfor %}</tr></table>` +
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;margin-top:6px"><tr><td style="text-align:left;font-size:13px;color:#555555">{{ survey.low_label }}</td><td style="text-align:right;font-size:13px;color:#555555">{{ survey.high_label }}</td></tr></table>',
    ),
    '        <mj-raw>{% elsif survey_url != blank %}</mj-raw>',
    `        <mj-button href="{{ survey_url }}" background-color="${brand}" align="left">${richTextToHtml(action.buttonLabel)}</mj-button>`,
    '        <mj-raw>{% else %}</mj-raw>',
    textLine(richTextToHtml(action.replyHint)),
    '        <mj-raw>{% endif %}</mj-raw>',
  ];
}

function actionLines(action: VisualAction | null, brand: string, text: string): string[] {
  if (action === null) return [];
  if (action.kind === 'survey') return surveyLines(action, brand, text);
  return [
    `        <mj-button href="${attribute(action.url)}" background-color="${brand}" align="left">${richTextToHtml(action.label)}</mj-button>`,
  ];
}

/** The MJML body of a visual template: the built-in layout with the blocks filled in. */
export function visualToMjml(template: VisualTemplate): string {
  const brand = template.brandColor ?? BRAND_VARIABLE;
  const text = template.textColor;
  const note =
    plainLength(template.footerNote) > 0
      ? [FOOTER_TEXT + richTextToHtml(template.footerNote) + '</mj-text>']
      : [];
  return [
    '<mjml>',
    '  <mj-head>',
    '    <mj-title>{{ business.name }}</mj-title>',
    '    <mj-attributes>',
    '      <mj-all font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" />',
    `      <mj-text font-size="16px" line-height="24px" color="${text}" />`,
    '    </mj-attributes>',
    '  </mj-head>',
    '  <mj-body background-color="#f4f7f7">',
    `    <mj-section background-color="${brand}" padding="12px 24px">`,
    '      <mj-column>',
    `        <mj-text color="#ffffff" font-size="20px" font-weight="600">${logoHtml(template.logoUrl)}</mj-text>`,
    '      </mj-column>',
    '    </mj-section>',
    '    <mj-section background-color="#ffffff" padding="16px 8px">',
    '      <mj-column>',
    textLine(richTextToHtml(template.greeting)),
    ...template.paragraphs.map((paragraph) => textLine(richTextToHtml(paragraph))),
    ...actionLines(template.action, brand, text),
    textLine(richTextToHtml(template.signature)),
    '      </mj-column>',
    '    </mj-section>',
    '    <mj-section padding="8px 24px">',
    '      <mj-column>',
    CONTACT_LINE,
    ...note,
    `${FOOTER_TEXT}<a href="{{ unsubscribe_url }}" style="color:#555555">${richTextToHtml(template.unsubscribeLabel)}</a></mj-text>`,
    '      </mj-column>',
    '    </mj-section>',
    '  </mj-body>',
    '</mjml>',
  ].join('\n');
}

/** The stored form of a visual template: the same subject and body the MJML editor saves. */
export function visualToSource(template: VisualTemplate): { subject: string; body: string } {
  return { subject: richTextToSubject(template.subject), body: visualToMjml(template) };
}

// ---- reading MJML back ----

const between = (line: string, start: string, end: string): string | null =>
  line.startsWith(start) && line.endsWith(end) ? line.slice(start.length, line.length - end.length) : null;

function colourOf(value: string | null): string | null | undefined {
  if (value === null) return undefined;
  if (value === BRAND_VARIABLE) return null;
  return HEX.test(value) ? value : undefined;
}

function logoOf(html: string | null): string | null | undefined {
  if (html === null) return undefined;
  if (html === BUSINESS_LOGO) return null;
  const src = between(
    html,
    '<img src="',
    '" alt="{{ business.name }}" height="40" style="height:40px;border:0">',
  );
  return src === null ? undefined : src.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

// The lines the layout always writes the same, by index: what a hand edit most often changes. Lines 6, 10
// and 12 hold the text colour, the brand colour and the logo; they are read one by one.
const FIXED_HEAD = [
  '<mjml>',
  '  <mj-head>',
  '    <mj-title>{{ business.name }}</mj-title>',
  '    <mj-attributes>',
  '      <mj-all font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" />',
  '',
  '    </mj-attributes>',
  '  </mj-head>',
  '  <mj-body background-color="#f4f7f7">',
  '',
  '      <mj-column>',
  '',
  '      </mj-column>',
  '    </mj-section>',
  '    <mj-section background-color="#ffffff" padding="16px 8px">',
  '      <mj-column>',
];

type Blocks = Omit<VisualTemplate, 'subject'>;

/**
 * Reads the blocks out of a body in the visual layout; at any surprise it gives up with the line number
 * (1-based) where it stopped, for the sentence that says why the visual editor is not available.
 */
function readBlocks(body: string): Blocks | number {
  const lines = body.split('\n');
  const changed = FIXED_HEAD.findIndex((line, index) => ![5, 9, 11].includes(index) && lines[index] !== line);
  if (changed !== -1) return changed + 1;
  const textColor = between(
    lines[5] ?? '',
    '      <mj-text font-size="16px" line-height="24px" color="',
    '" />',
  );
  if (textColor === null || !HEX.test(textColor)) return 6;
  const brandColor = colourOf(
    between(lines[9] ?? '', '    <mj-section background-color="', '" padding="12px 24px">'),
  );
  if (brandColor === undefined) return 10;
  const logoUrl = logoOf(
    between(
      lines[11] ?? '',
      '        <mj-text color="#ffffff" font-size="20px" font-weight="600">',
      '</mj-text>',
    ),
  );
  if (logoUrl === undefined) return 12;
  const end = lines.indexOf('      </mj-column>', 16);
  const main = lines.slice(16, end === -1 ? lines.length : end);
  const texts: RichText[] = [];
  let action: VisualAction | null = null;
  const readText = (line: string | undefined): RichText | null => {
    const html = between(line ?? '', '        <mj-text>', '</mj-text>');
    return html === null ? null : richTextFromHtml(html);
  };
  for (let index = 0; index < main.length; index++) {
    const line = main[index];
    const text = action === null ? readText(line) : null;
    if (text) {
      texts.push(text);
      continue;
    }
    if (line === '        <mj-raw>{% if survey.scale.size > 0 %}</mj-raw>' && action === null) {
      const buttonHtml = between(
        main[index + 4] ?? '',
        '        <mj-button href="{{ survey_url }}" background-color="',
        '</mj-button>',
      );
      const buttonLabel = richTextFromHtml(buttonHtml?.replace(/^[^>]*>/, '') ?? '');
      const replyHint = readText(main[index + 6]);
      const closing = readText(main[index + 8]);
      if (!buttonLabel || !replyHint || !closing) return 17 + index;
      action = { kind: 'survey', buttonLabel, replyHint };
      texts.push(closing);
      index += 8;
      continue;
    }
    const button =
      /^ {8}<mj-button href="([^"]*)" background-color="[^"]*" align="left">(.*)<\/mj-button>$/.exec(line);
    const label: RichText | null = button && action === null ? richTextFromHtml(button[2]) : null;
    const closing = readText(main[index + 1]);
    if (!button || !label || !closing) return 17 + index;
    action = { kind: 'button', label, url: button[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&') };
    texts.push(closing);
    index += 1;
  }
  if (texts.length < 2) return 17 + main.length;
  const [greeting, ...rest] = texts;
  const signature = rest.pop() as RichText;
  const contact = lines.indexOf(CONTACT_LINE);
  if (contact === -1) return 20 + main.length;
  const footer = lines.slice(contact + 1, -4);
  const unsubscribe = between(
    footer.at(-1) ?? '',
    `${FOOTER_TEXT}<a href="{{ unsubscribe_url }}" style="color:#555555">`,
    '</a></mj-text>',
  );
  const unsubscribeLabel = unsubscribe === null ? null : richTextFromHtml(unsubscribe);
  if (!unsubscribeLabel) return contact + 1 + footer.length;
  const note = footer.length === 2 ? between(footer[0], FOOTER_TEXT, '</mj-text>') : '';
  const footerNote = note === null ? null : richTextFromHtml(note);
  if (!footerNote || footer.length > 2) return contact + 2;
  return {
    greeting,
    paragraphs: rest,
    action,
    signature,
    footerNote,
    unsubscribeLabel,
    brandColor,
    textColor,
    logoUrl,
  };
}

function firstDifferentLine(written: string, stored: string): number {
  const a = written.split('\n');
  const b = stored.split('\n');
  const index = b.findIndex((line, at) => line !== a[at]);
  return (index === -1 ? Math.min(a.length, b.length) : index) + 1;
}

/**
 * The visual form of a stored template, when (and only when) writing that form back gives exactly the
 * stored text: a template changed by hand beyond the blocks opens in MJML instead, with the reason, so
 * nothing it holds is ever lost by editing it visually.
 */
export function visualFromSource(source: {
  subject: string;
  body: string;
}): { template: VisualTemplate } | { reason: string } {
  const subject = richTextFromSubject(source.subject);
  if (!subject)
    return {
      reason:
        'The visual editor is not available: the subject uses Liquid beyond words and variables, which only the MJML editor can show.',
    };
  const body = source.body.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  const blocks = readBlocks(body);
  const template = typeof blocks === 'number' ? null : { subject, ...blocks };
  const written = template ? visualToMjml(template) : '';
  if (!template || written !== body) {
    const line = typeof blocks === 'number' ? blocks : firstDifferentLine(written, body);
    return {
      reason: `The visual editor is not available: this template was changed in MJML (from line ${line}) beyond the blocks the visual editor shows, so it opens in MJML to keep every change.`,
    };
  }
  return { template };
}

// ---- checks ----

function checkText(text: RichText, field: string, max: number, problems: FieldError[]): void {
  if (plainLength(text) > max) problems.push({ field, reason: `must be at most ${max} characters` });
  for (const part of text) {
    const unsafe = 'text' in part ? unsafeTextReason(part.text) : undefined;
    if (unsafe) problems.push({ field, reason: unsafe });
    const fallback =
      'variable' in part && part.fallback !== undefined ? fallbackProblem(part.fallback) : undefined;
    if (fallback) problems.push({ field, reason: fallback });
  }
}

/** Whether `url` is an https address that can sit in an HTML attribute as it is. */
export function isHttpsUrl(url: string): boolean {
  // A host of letters, digits, dots and dashes (an optional port), then a path with no quotes, spaces,
  // braces or angle brackets: nothing that could end the attribute or start Liquid. No user:password@.
  return (
    url.length <= 1000 &&
    /^https:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?(?:[/?#][^\s"'<>{}\\]*)?$/i.test(url)
  );
}

/** Every problem with a visual template, each with its field; empty when it can be written. */
export function checkVisualTemplate(template: VisualTemplate): FieldError[] {
  const problems: FieldError[] = [];
  checkText(template.subject, 'subject', 300, problems);
  if (plainLength(template.subject) === 0) problems.push({ field: 'subject', reason: 'must not be empty' });
  if (template.subject.some((part) => 'text' in part && /[\r\n]/.test(part.text)))
    problems.push({ field: 'subject', reason: 'must be one line' });
  checkText(template.greeting, 'greeting', 300, problems);
  if (template.paragraphs.length > MAX_PARAGRAPHS)
    problems.push({ field: 'paragraphs', reason: `may be at most ${MAX_PARAGRAPHS}` });
  template.paragraphs.forEach((paragraph, index) =>
    checkText(paragraph, `paragraphs[${index}]`, MAX_BLOCK_LENGTH, problems),
  );
  if (template.action?.kind === 'button') {
    checkText(template.action.label, 'button.label', 100, problems);
    if (plainLength(template.action.label) === 0)
      problems.push({ field: 'button.label', reason: 'must not be empty' });
    if (!isHttpsUrl(template.action.url))
      problems.push({ field: 'button.url', reason: 'must be an https:// address' });
  } else if (template.action?.kind === 'survey') {
    checkText(template.action.buttonLabel, 'survey.buttonLabel', 100, problems);
    if (plainLength(template.action.buttonLabel) === 0)
      problems.push({ field: 'survey.buttonLabel', reason: 'must not be empty' });
    checkText(template.action.replyHint, 'survey.replyHint', MAX_BLOCK_LENGTH, problems);
  }
  checkText(template.signature, 'signature', 300, problems);
  checkText(template.footerNote, 'footerNote', 500, problems);
  checkText(template.unsubscribeLabel, 'unsubscribeLabel', 60, problems);
  if (plainLength(template.unsubscribeLabel) === 0)
    problems.push({
      field: 'unsubscribeLabel',
      reason: 'must not be empty: every email has a visible unsubscribe link',
    });
  if (template.brandColor !== null && !HEX.test(template.brandColor))
    problems.push({ field: 'brandColor', reason: 'must be a colour as #rrggbb' });
  if (!HEX.test(template.textColor))
    problems.push({ field: 'textColor', reason: 'must be a colour as #rrggbb' });
  if (template.logoUrl !== null && !isHttpsUrl(template.logoUrl))
    problems.push({ field: 'logoUrl', reason: 'must be an https:// address' });
  if (problems.length === 0 && visualToMjml(template).length > MAX_BODY_LENGTH)
    problems.push({
      field: 'paragraphs',
      reason: 'make the text shorter: the email is longer than 100,000 characters',
    });
  return problems;
}
