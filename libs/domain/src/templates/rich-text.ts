import { TEMPLATE_VARIABLES } from './template-variables';

/**
 * Text as the visual template editor holds it: literal words and variables, never Liquid or HTML. Only
 * the renderers below turn it into template source, so whatever a person types stays words in the email.
 */
export type RichTextPart = { text: string } | { variable: string; fallback?: string };
export type RichText = RichTextPart[];

/** The variables that read as words; lists (`order.products`, `survey.scale`) have no place in a sentence. */
const LIST_VARIABLES = new Set(['order.products', 'survey.scale']);
const SURVEY_VARIABLES = new Set(['survey_url', 'survey.question', 'survey.low_label', 'survey.high_label']);

/**
 * The variables the visual editor offers, with what each holds. The survey's are filled in only for the
 * emails that carry a survey, so they are offered only there.
 */
export function insertableVariables(hasSurvey: boolean): [name: string, meaning: string][] {
  return Object.entries(TEMPLATE_VARIABLES).filter(
    ([name]) => !LIST_VARIABLES.has(name) && (hasSurvey || !SURVEY_VARIABLES.has(name)),
  );
}

function isInsertable(name: string): boolean {
  return name in TEMPLATE_VARIABLES && !LIST_VARIABLES.has(name);
}

/** Characters a fallback may not hold: it becomes a quoted Liquid string. */
const FALLBACK_FORBIDDEN = /["'{}%|<>&\\\n\r⟦⟧]/;
export const MAX_FALLBACK_LENGTH = 60;

/** Why a fallback cannot be used, or undefined when it can. */
export function fallbackProblem(fallback: string): string | undefined {
  if (FALLBACK_FORBIDDEN.test(fallback))
    return 'the words shown when a variable is empty may not hold quotes, braces, %, |, <, > or &';
  if (fallback.length > MAX_FALLBACK_LENGTH) return `must be at most ${MAX_FALLBACK_LENGTH} characters`;
  return undefined;
}

// ---- the editable form: words with ⟦variable⟧ or ⟦variable|words when empty⟧ ----

const TOKEN = /⟦([a-z_.]+)(?:\|([^⟦⟧]*))?⟧/g;

/** The token the editor inserts for a variable chosen from the list. */
export function variableToken(name: string, fallback?: string): string {
  return fallback ? `⟦${name}|${fallback}⟧` : `⟦${name}⟧`;
}

/**
 * Reads what a person typed in a visual block. Only ⟦name⟧ tokens of offered variables become variables;
 * everything else, `{{`, `{%` and tags included, stays literal words.
 */
export function richTextFromEditable(editable: string): RichText {
  const parts: RichText = [];
  let last = 0;
  for (const match of editable.matchAll(TOKEN)) {
    const [token, name, fallback] = match;
    if (!isInsertable(name)) continue;
    pushText(parts, editable.slice(last, match.index));
    parts.push(fallback ? { variable: name, fallback } : { variable: name });
    last = match.index + token.length;
  }
  pushText(parts, editable.slice(last));
  return parts;
}

export function editableFromRichText(parts: RichText): string {
  return parts
    .map((part) => ('text' in part ? part.text : variableToken(part.variable, part.fallback)))
    .join('');
}

function pushText(parts: RichText, text: string): void {
  if (text === '') return;
  const previous = parts.at(-1);
  if (previous && 'text' in previous) previous.text += text;
  else parts.push({ text });
}

// ---- into template source ----

function liquidOutput(part: { variable: string; fallback?: string }): string {
  const fallback = part.fallback?.replace(new RegExp(FALLBACK_FORBIDDEN, 'g'), '');
  return fallback ? `{{ ${part.variable} | default: "${fallback}" }}` : `{{ ${part.variable} }}`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Braces as character references: Liquid never sees `{{` or `{%` in what a person typed.
  '{': '&#123;',
  '}': '&#125;',
};

/** Text for the inside of an MJML text element: escaped HTML, line breaks as <br>, variables as Liquid. */
export function richTextToHtml(parts: RichText): string {
  return parts
    .map((part) =>
      'text' in part
        ? part.text
            .replace(/\r\n?/g, '\n')
            .replace(/[&<>"'{}]/g, (char) => HTML_ESCAPES[char])
            .replace(/\n/g, '<br>')
        : liquidOutput(part),
    )
    .join('');
}

/** Text for the subject line (plain text): a literal `{` is written as Liquid's own string "{". */
export function richTextToSubject(parts: RichText): string {
  return parts
    .map((part) =>
      'text' in part ? part.text.replace(/[\r\n]+/g, ' ').replace(/\{/g, '{{ "{" }}') : liquidOutput(part),
    )
    .join('');
}

// ---- back from template source (only what the renderers above write) ----

const HTML_TOKEN =
  /\{\{ ([a-z_.]+)(?: \| default: "([^"{}%|<>&\\\n\r⟦⟧]*)")? \}\}|&(amp|lt|gt|quot|#39|#123|#125);|<br>|[^&<>{}]+/gy;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#123': '{',
  '#125': '}',
};

/** Reads the inside of a text element back; null when it holds anything the renderer would not write. */
export function richTextFromHtml(html: string): RichText | null {
  return readTokens(html, HTML_TOKEN, (match) => {
    if (match[1] !== undefined) return variablePart(match[1], match[2]);
    if (match[3] !== undefined) return { text: ENTITIES[match[3]] };
    if (match[0] === '<br>') return { text: '\n' };
    return { text: match[0] };
  });
}

const SUBJECT_TOKEN =
  /\{\{ "\{" \}\}|\{\{ ([a-z_.]+)(?: \| default: "([^"{}%|<>&\\\n\r⟦⟧]*)")? \}\}|[^{\r\n]+/gy;

/** Reads a subject line back; null when it holds Liquid beyond words and variables. */
export function richTextFromSubject(subject: string): RichText | null {
  return readTokens(subject, SUBJECT_TOKEN, (match) => {
    if (match[0] === '{{ "{" }}') return { text: '{' };
    if (match[1] !== undefined) return variablePart(match[1], match[2]);
    return { text: match[0] };
  });
}

function variablePart(name: string, fallback: string | undefined): RichTextPart | null {
  if (!isInsertable(name)) return null;
  return fallback ? { variable: name, fallback } : { variable: name };
}

function readTokens(
  source: string,
  pattern: RegExp,
  read: (match: RegExpExecArray) => RichTextPart | null,
): RichText | null {
  const parts: RichText = [];
  pattern.lastIndex = 0;
  while (pattern.lastIndex < source.length) {
    const match = pattern.exec(source);
    if (!match) return null;
    const part = read(match);
    if (!part) return null;
    if ('text' in part) pushText(parts, part.text);
    else parts.push(part);
  }
  return parts;
}

/** The words of a rich text with each variable shown by name: for length limits and empty checks. */
export function plainLength(parts: RichText): number {
  return parts.reduce((sum, part) => sum + ('text' in part ? part.text.length : 1), 0);
}
