import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtension, ApiResponse } from '@nestjs/swagger';
import { HANDLER_ANSWERS_BODY_PROBLEMS } from './route-policy';

/*
 * Routes whose body is not a DTO say what they take here. The OpenAPI document is built from these, and the
 * request policy is built from the document: what a route declares is all it accepts.
 */

/**
 * An HTML form post from a buyer's page: field names to text. `alsoAccepts` lists media types that reach the
 * handler unread; with `handlerAnswersProblems` a body that is not a readable form is the handler's to answer.
 */
export const AcceptsForm = (options: { alsoAccepts?: string[]; handlerAnswersProblems?: boolean } = {}) =>
  applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded', ...(options.alsoAccepts ?? [])),
    ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' } } }),
    ApiExtension(HANDLER_ANSWERS_BODY_PROBLEMS, options.handlerAnswersProblems === true),
  );

/** A file sent as the raw body, read by the handler as it streams in. */
export const AcceptsFile = (...mediaTypes: string[]) =>
  applyDecorators(ApiConsumes(...mediaTypes), ApiBody({ schema: { type: 'string', format: 'binary' } }));

/**
 * A provider's signed delivery. Problems in its body (bad text, too deep) reach the handler, which checks
 * the signature before it records the delivery as refused.
 */
export const AcceptsSignedDelivery = (
  shape: 'object' | 'array',
  description: string,
  ...extraMediaTypes: string[]
) =>
  applyDecorators(
    ApiConsumes('application/json', ...extraMediaTypes),
    ApiBody({
      description,
      schema: shape === 'array' ? { type: 'array', items: { type: 'object' } } : { type: 'object' },
    }),
    ApiExtension(HANDLER_ANSWERS_BODY_PROBLEMS, true),
  );

/** A page a person opens from an email: refusals are answered as HTML too. */
export const AnswersHtml = (status = 200, description = 'An HTML page') =>
  ApiResponse({ status, description, content: { 'text/html': { schema: { type: 'string' } } } });
