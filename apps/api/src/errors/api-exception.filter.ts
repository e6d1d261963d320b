import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@rapport/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, TooManyRequestsError } from './app-error';
import { isDatabaseUnavailable } from './database-unavailable';

/** Seconds a client is asked to wait while the database is out of reach. */
const UNAVAILABLE_RETRY_SECONDS = 5;

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** The one place where errors become HTTP answers. Unknown errors are logged and never leak details. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toErrorBody(exception);
    body.requestId = String(request.id);
    if (exception instanceof TooManyRequestsError) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    if (body.statusCode === 503) {
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
      this.logger.warn({ err: exception, requestId: body.requestId }, 'Database unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Request failed');
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof AppError) {
    const body: ApiErrorBody = {
      statusCode: exception.status,
      error: exception.code,
      message: exception.message,
    };
    if (exception.details) body.details = exception.details;
    if (exception.status >= 500) body.message = 'Something went wrong on our side';
    return body;
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String((response as { message: unknown }).message)
        : exception.message;
    return { statusCode, error: HTTP_CODES[statusCode] ?? 'error', message };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: 'unavailable',
      message: 'Rapport is briefly unavailable; please try again in a few seconds',
    };
  }
  const fastifyStatus = fastifyErrorStatus(exception);
  if (fastifyStatus !== undefined && fastifyStatus < 500) {
    return {
      statusCode: fastifyStatus,
      error: HTTP_CODES[fastifyStatus] ?? 'bad_request',
      message: (exception as Error).message,
    };
  }
  return { statusCode: 500, error: 'internal_error', message: 'Something went wrong on our side' };
}

/** Fastify's own errors (body too large, bad JSON, wrong content type) carry a 4xx statusCode. */
function fastifyErrorStatus(exception: unknown): number | undefined {
  if (exception instanceof Error && 'statusCode' in exception) {
    const status = (exception as { statusCode: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return undefined;
}
