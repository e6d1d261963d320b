import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfError extends AppError {
  readonly status = 403;
  readonly code = 'csrf_failed';
  constructor() {
    super('This request is missing its security token. Reload the page and try again.');
  }
}

/**
 * Double-submit token: the server sets a random, script-readable cookie; the console echoes it in a
 * header on every state-changing request. Another site can make a browser send our cookies, but it can
 * neither read this one nor set the header.
 */
export function registerCsrfCookie(fastify: FastifyInstance, secure: boolean): void {
  fastify.addHook('onSend', async (request, reply) => {
    if (!request.cookies?.[XSRF_COOKIE]) {
      void reply.setCookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), {
        path: '/',
        sameSite: 'lax',
        secure,
        httpOnly: false,
      });
    }
  });
}

/** True when the request needs no token (safe method, or an API key that no browser attaches by itself). */
export function isCsrfExempt(request: FastifyRequest): boolean {
  return SAFE_METHODS.has(request.method) || /^Bearer\s/i.test(request.headers.authorization ?? '');
}

export function assertCsrfToken(request: FastifyRequest): void {
  const cookie = request.cookies?.[XSRF_COOKIE];
  const header = request.headers[XSRF_HEADER];
  if (!cookie || typeof header !== 'string' || cookie.length !== header.length) throw new CsrfError();
  if (!timingSafeEqual(Buffer.from(cookie), Buffer.from(header))) throw new CsrfError();
}
