import type { OpenAPIObject } from '@nestjs/swagger';

/** What a route does with the body of one media type. */
export type BodyKind =
  /** Parsed JSON that must be an object (a DTO). */
  | 'json-object'
  /** Parsed JSON that must be an array (a batch of events). */
  | 'json-array'
  /** A parsed HTML form: field names to strings. */
  | 'form'
  /** Read by the handler as it streams in (CSV files, multipart mail), or not read at all. */
  | 'stream';

/** How one route takes its input: the contract in the OpenAPI document, enforced before any guard or pipe. */
export interface RoutePolicy {
  /** Accepted media types (lower case, no parameters) and what each body must be. */
  bodies: ReadonlyMap<string, BodyKind>;
  /** The route declares no body: none, or an empty JSON object as browsers' clients send, is accepted. */
  isBodiless: boolean;
  /** Refusals are answered as a small HTML page: the route is a page a person opens from an email. */
  answersHtml: boolean;
  /** Problems in the body are handed to the handler (`request.bodyProblems`) instead of being answered here. */
  defersBodyProblems: boolean;
}

/**
 * The OpenAPI extension of an operation whose handler answers problems in the body itself: a signed delivery
 * (recorded as refused once its signature checks out) or a buyer's form (shown again with a message).
 */
export const HANDLER_ANSWERS_BODY_PROBLEMS = 'x-handler-answers-body-problems';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface OperationLike {
  requestBody?: { content?: Record<string, { schema?: { type?: string } }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  [extension: `x-${string}`]: unknown;
}

/** `METHOD /api/path/:param`, as Fastify names the route a request matched. */
export function routeKey(method: string, fastifyPath: string): string {
  return `${method.toUpperCase()} ${fastifyPath}`;
}

/** Every operation of the document as a policy, keyed like `routeKey`. */
export function routePoliciesFrom(document: OpenAPIObject): Map<string, RoutePolicy> {
  const policies = new Map<string, RoutePolicy>();
  for (const [path, item] of Object.entries(document.paths)) {
    const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, OperationLike | undefined>)[method];
      if (operation) policies.set(routeKey(method, fastifyPath), policyOf(operation));
    }
  }
  return policies;
}

function policyOf(operation: OperationLike): RoutePolicy {
  const content = operation.requestBody?.content ?? {};
  const bodies = new Map<string, BodyKind>();
  for (const [mediaType, media] of Object.entries(content)) {
    bodies.set(mediaType.toLowerCase(), bodyKindOf(mediaType.toLowerCase(), media.schema?.type));
  }
  const answersHtml = Object.values(operation.responses ?? {}).some(
    (response) => response.content !== undefined && 'text/html' in response.content,
  );
  return {
    bodies,
    isBodiless: bodies.size === 0,
    answersHtml,
    defersBodyProblems: operation[HANDLER_ANSWERS_BODY_PROBLEMS] === true,
  };
}

function bodyKindOf(mediaType: string, schemaType: string | undefined): BodyKind {
  if (mediaType === 'application/json') return schemaType === 'array' ? 'json-array' : 'json-object';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  return 'stream';
}
