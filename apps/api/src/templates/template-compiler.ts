import { AppError } from '../errors/app-error';
import { Injectable } from '@nestjs/common';
import { type FieldError, isKnownVariable, REQUIRED_TEMPLATE_VARIABLES } from '@rapport/domain';
import { LiquidError, type Template } from 'liquidjs';
import mjml2html from 'mjml-core';
import mjmlPreset from 'mjml-preset-core';
import { htmlToText } from './html-to-text';
import { htmlLiquid, textLiquid } from './liquid-sandbox';

export interface TemplateSource {
  subject: string;
  body: string;
}

export interface CompiledTemplate {
  subject: Template[];
  body: Template[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Thrown when a stored template no longer compiles; the message names every problem. */
export class TemplateProblemsError extends Error {
  constructor(readonly problems: FieldError[]) {
    super(problems.map((problem) => `${problem.field} ${problem.reason}`).join('; '));
  }
}

const CACHE_SIZE = 1000;
const LIQUID_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Turns a template (a Liquid subject and an MJML body with Liquid in it) into something fast to render.
 * MJML is compiled once per template version, keeping the Liquid tags in place; the resulting HTML is
 * parsed by Liquid once and cached, so sending a message costs one Liquid render, not an MJML build.
 */
@Injectable()
export class TemplateCompiler {
  private readonly cache = new Map<string, Promise<CompiledTemplate>>();

  /** Every problem with a template, with line and column where there is one; empty when it is fine. */
  async check(source: TemplateSource): Promise<FieldError[]> {
    const outcome = await this.build(source);
    return 'problems' in outcome ? outcome.problems : [];
  }

  /** The compiled template for `key` (tenant, kind, locale and version), built on first use. */
  compiled(key: string, source: TemplateSource): Promise<CompiledTemplate> {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const built = this.build(source).then((outcome) => {
      if ('problems' in outcome) throw new TemplateProblemsError(outcome.problems);
      return outcome.compiled;
    });
    built.catch(() => this.cache.delete(key));
    this.cache.set(key, built);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return built;
  }

  /**
   * Fills a compiled template in. A template that does more work than the sandbox allows (a loop of a
   * hundred million, text doubled thirty times) stops with TemplateRenderError, naming where it stopped.
   */
  render(compiled: CompiledTemplate, context: object): RenderedEmail {
    const subject = (renderLiquid(textLiquid, compiled.subject, context, 'subject') as string)
      .replace(/\s+/g, ' ')
      .trim();
    const html = renderLiquid(htmlLiquid, compiled.body, context, 'body') as string;
    return { subject, html, text: htmlToText(html) };
  }

  /** Compiles without caching: for text that is not saved yet. */
  async build(source: TemplateSource): Promise<{ compiled: CompiledTemplate } | { problems: FieldError[] }> {
    const problems: FieldError[] = [];
    if (source.subject.trim() === '') problems.push({ field: 'subject', reason: 'must not be empty' });
    const subject = parseLiquid(source.subject, 'subject', problems, false);
    const body = parseLiquid(source.body, 'body', problems, true);
    if (!subject || !body || problems.length > 0) return { problems };
    const built = await mjml2html(source.body, {
      presets: [mjmlPreset],
      fonts: {},
      validationLevel: 'soft',
      keepComments: false,
    });
    for (const error of built.errors) {
      // Colours and links written as Liquid are filled in at send time; MJML cannot judge them now.
      if (error.message.includes('{{')) continue;
      problems.push({ field: 'body', reason: `line ${error.line}: ${error.message.trim()}` });
    }
    const kept = new Set(built.html.match(LIQUID_TAG) ?? []);
    for (const match of source.body.matchAll(LIQUID_TAG)) {
      if (kept.has(match[0])) continue;
      const { line, column } = positionOf(source.body, match.index);
      problems.push({
        field: 'body',
        reason: `line ${line}, column ${column}: ${match[0]} sits between MJML elements and would be lost; put it inside <mj-raw> or <mj-text>`,
      });
    }
    if (problems.length > 0) return { problems };
    return { compiled: { subject, body: htmlLiquid.parse(built.html) } };
  }
}

/** A template that could not be filled in: it asks for more work or memory than one email may take. */
export class TemplateRenderError extends AppError {
  readonly status = 400;
  readonly code = 'template_render_failed';
  constructor(problem: FieldError) {
    super(`The template cannot be rendered: ${problem.field} ${problem.reason}`, [problem]);
  }
}

function renderLiquid(
  engine: typeof htmlLiquid,
  template: Template[],
  context: object,
  field: 'subject' | 'body',
): unknown {
  try {
    return engine.renderSync(template, context);
  } catch (error) {
    if (!(error instanceof LiquidError)) throw error;
    const message = error.message.replace(/, line:\d+, col:\d+$/, '');
    throw new TemplateRenderError({
      field,
      reason: `stops while being filled in (${message}): a loop or a text too large for one email`,
    });
  }
}

function parseLiquid(
  text: string,
  field: string,
  problems: FieldError[],
  isBody: boolean,
): Template[] | null {
  const engine = isBody ? htmlLiquid : textLiquid;
  let parsed: Template[];
  try {
    parsed = engine.parse(text);
  } catch (error) {
    if (!(error instanceof LiquidError)) throw error;
    const [line, column] = error.token.getPosition();
    const message = error.message.replace(/, line:\d+, col:\d+$/, '');
    problems.push({ field, reason: `line ${line}, column ${column}: ${message}` });
    return null;
  }
  const { globals } = engine.analyzeSync(parsed, { partials: false });
  const used = new Set<string>();
  for (const variables of Object.values(globals)) {
    for (const variable of variables) {
      // A nested path is an index taken from another variable (`order.products[i]`): a list index.
      const path = variable.toArray().map((segment) => (Array.isArray(segment) ? 0 : segment));
      used.add(path.join('.'));
      if (isKnownVariable(path)) continue;
      problems.push({
        field,
        reason: `line ${variable.location.row}, column ${variable.location.col}: unknown variable ${variable.toString()}`,
      });
    }
  }
  if (isBody) {
    for (const required of REQUIRED_TEMPLATE_VARIABLES) {
      if (!used.has(required))
        problems.push({ field, reason: `must show {{ ${required} }}: every email carries it` });
    }
  }
  return parsed;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  const lines = text.slice(0, index).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
