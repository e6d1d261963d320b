import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findValueProblems, type TextProblem } from '@rapport/domain';
import { AppError, ValidationFailedError } from '../errors/app-error';
import { toErrorBody } from '../errors/api-exception.filter';
import { type BodyKind, routeKey, type RoutePolicy } from './route-policy';

class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Problems of a signed delivery's body, for its handler to record once the signature checks out. */
    bodyProblems?: TextProblem[];
  }
}

/** The part of the API the policy guards; the docs and the console's files take no input. */
function isGuardedPath(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/**
 * One request policy for every route, applied by Fastify before Nest's guards, pipes or handlers see the
 * request: the media type must be one the route declares (415), the body must be the shape it declares
 * and nest no deeper than the limit, and no text anywhere (body, query string, path, headers) may hold a
 * NUL or an unpaired surrogate (400 naming the field). The policies come from the OpenAPI document, so the
 * contract a client reads is exactly what the server enforces; a route missing from it stops the boot.
 */
export function enforceRequestPolicy(
  fastify: FastifyInstance,
  policies: ReadonlyMap<string, RoutePolicy>,
): void {
  const unlisted: string[] = [];
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !isGuardedPath(route.url)) continue;
      if (!policies.has(routeKey(method, route.url))) unlisted.push(routeKey(method, route.url));
    }
  });
  fastify.addHook('onReady', async () => {
    if (unlisted.length > 0)
      throw new Error(
        `Routes missing from the OpenAPI document (and so from the request policy): ${unlisted.join(', ')}`,
      );
  });

  const policyOf = (request: FastifyRequest): RoutePolicy | undefined => {
    const url = request.routeOptions.url;
    if (url === undefined || !isGuardedPath(url)) return undefined;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    return policies.get(routeKey(method, url));
  };

  fastify.addHook('preParsing', async (request, reply, payload) => {
    const policy = policyOf(request);
    if (!policy || !hasBody(request)) return payload;
    const mediaType = mediaTypeOf(request);
    const accepted = policy.isBodiless ? ['application/json'] : [...policy.bodies.keys()];
    if (mediaType === undefined || !accepted.includes(mediaType)) {
      const what = policy.isBodiless
        ? 'takes no body (or an empty JSON object)'
        : `accepts ${accepted.join(', ')}`;
      await refuse(
        request,
        reply,
        policy,
        new UnsupportedMediaTypeError(
          `${mediaType ? `The media type ${mediaType} is not accepted here` : 'The body has no Content-Type'}: this route ${what}`,
        ),
      );
    }
    return payload;
  });

  fastify.addHook('preValidation', async (request, reply) => {
    const policy = policyOf(request);
    if (!policy) return;
    const inputProblems = [
      ...findValueProblems(request.params, ''),
      ...findValueProblems(request.query, ''),
      ...headerProblems(request),
    ];
    if (inputProblems.length > 0)
      return refuse(request, reply, policy, new ValidationFailedError(inputProblems));
    const bodyProblems = bodyProblemsOf(request, policy);
    if (bodyProblems.length === 0) return;
    if (policy.defersBodyProblems) {
      request.bodyProblems = bodyProblems;
      return;
    }
    return refuse(request, reply, policy, new ValidationFailedError(bodyProblems));
  });
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function mediaTypeOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  const essence = header?.split(';', 1)[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
}

function bodyProblemsOf(request: FastifyRequest, policy: RoutePolicy): TextProblem[] {
  if (request.body === undefined) return [];
  if (policy.isBodiless)
    return isEmptyObject(request.body)
      ? []
      : [{ field: 'body', reason: 'must be empty: this route takes no body' }];
  const mediaType = mediaTypeOf(request);
  const kind = mediaType === undefined ? undefined : policy.bodies.get(mediaType);
  if (kind === undefined || kind === 'stream') return [];
  const shape = shapeProblem(request.body, kind);
  return shape ? [{ field: 'body', reason: shape }] : findValueProblems(request.body, '');
}

function shapeProblem(body: unknown, kind: Exclude<BodyKind, 'stream'>): string | undefined {
  switch (kind) {
    case 'json-array':
      return Array.isArray(body) ? undefined : 'must be a JSON array';
    case 'json-object':
      return isPlainObject(body) ? undefined : 'must be a JSON object';
    case 'form':
      return isPlainObject(body) &&
        Object.values(body).every(
          (value) =>
            typeof value === 'string' ||
            (Array.isArray(value) && value.every((item) => typeof item === 'string')),
        )
        ? undefined
        : 'must be a form of text fields';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyObject(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 0;
}

function headerProblems(request: FastifyRequest): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    problems.push(...findValueProblems(value, `headers.${name}`));
  }
  return problems;
}

async function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  policy: RoutePolicy,
  error: AppError,
): Promise<void> {
  const body = toErrorBody(error);
  body.requestId = String(request.id);
  if (policy.answersHtml) {
    await reply
      .status(body.statusCode)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(refusalPage(body.statusCode));
    return;
  }
  await reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
}

/** What a person sees who opens a mangled link: no detail to leak, a way to say what happened. */
function refusalPage(status: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>This link does not work</title></head><body><main><h1>This link does not work</h1><p>The address was changed on its way (error ${status}). Please open the link from the email again.</p></main></body></html>`;
}
