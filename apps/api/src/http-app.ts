import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { ConnectionTarget } from './database/data-source';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { createValidationPipe } from './errors/validation';
import { registerCsrfCookie } from './auth/csrf';
import { requestIdFor } from './logging/logging.module';
import { StartupQuietLogger } from './logging/startup-quiet-logger';
import { routePoliciesFrom } from './request-policy/route-policy';
import { enforceRequestPolicy } from './request-policy/request-policy';
import { APP_VERSION } from './version';
import { serveConsole } from './console/serve-console';

/** Request bodies past this are refused with 413 before any handler runs. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the whole HTTP app (API, OpenAPI docs, console); the caller decides where it listens. */
export async function createHttpApp(
  config: AppConfig,
  database: ConnectionTarget,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
    bufferLogs: true,
    // Webhook signatures are computed over the exact bytes received.
    rawBody: true,
  });
  app.useLogger(app.get(StartupQuietLogger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const fastify = app.getHttpAdapter().getInstance();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rapport API')
      .setDescription('Buyers, orders, follow-ups, answers and cases of one business.')
      .setVersion(APP_VERSION)
      .addCookieAuth('rapport_session')
      .build(),
  );

  enforceRequestPolicy(fastify, routePoliciesFrom(document));
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // CSV uploads reach their handler as a stream: a million-row file is never held whole in memory.
  fastify.addContentTypeParser(
    ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'],
    (_request, payload, done) => done(null, payload),
  );
  // Inbound Parse posts replies as multipart, attachments and all: read as a stream, within its own limits.
  fastify.addContentTypeParser('multipart/form-data', (_request, payload, done) => done(null, payload));
  await app.register(fastifyCookie);
  registerCsrfCookie(fastify, config.session.secureCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Angular and Material set inline styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.session.secureCookie ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only means something over HTTPS; on plain-HTTP development it would only confuse browsers.
    strictTransportSecurity: config.session.secureCookie,
  });

  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  await serveConsole(app, config.webDistDir);
  return app;
}
