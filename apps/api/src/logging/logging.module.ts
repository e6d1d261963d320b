import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LogLevel } from '../config/app-config';
import { loggableError, loggableUrl } from './log-redaction';
import { StartupQuietLogger } from './startup-quiet-logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's request id is kept when it looks like one, so logs can be joined across services. */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Middleware sees the URL with its mount prefix stripped; originalUrl keeps the whole path. */
function isHealthCheck(request: IncomingMessage & { originalUrl?: string }): boolean {
  return (request.originalUrl ?? request.url ?? '').startsWith('/api/health');
}

/**
 * Structured JSON logs (pino), one line per request with its id. Secrets stay out: cookies and
 * authorization headers are never logged, secret path segments only as a short hash, query values not at
 * all, and errors without the properties that may hold a query's parameters or a request's headers.
 */
@Module({})
export class LoggingModule {
  static forRoot(level: LogLevel): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level,
            // Fastify assigns the id (see requestIdFor) and middie copies it to the raw request.
            genReqId: (request: IncomingMessage) => request.id ?? requestIdFor(request),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            // Load balancers poll health every few seconds; those lines would drown the rest.
            autoLogging: { ignore: isHealthCheck },
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: loggableUrl(request.url),
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              // pino hands over its own copy of the error; `raw` is the error that was thrown.
              err: (error: { raw?: unknown }) => loggableError(error.raw ?? error),
            },
          },
        }),
      ],
      providers: [StartupQuietLogger],
      exports: [StartupQuietLogger],
    };
  }
}
