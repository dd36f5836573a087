import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/http/errors.ts';
import { TAXII_MEDIA_TYPE } from './media.ts';

/**
 * TAXII 2.1 answers errors with its own error message resource (title, description, error_id,
 * error_code, http_status as a string), in the TAXII media type. Our stable `code` travels as
 * `error_code` and the request id as `error_id`, so a report can be matched with the logs.
 */
export function sendTaxiiError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
  description?: string,
) {
  const body: Record<string, unknown> = {
    title,
    ...(description ? { description } : {}),
    error_id: request.id,
    error_code: code,
    http_status: String(status),
  };
  if (status === 401) reply.header('www-authenticate', 'Basic realm="TAXII", charset="UTF-8"');
  // A Buffer keeps Fastify from rewriting the Content-Type (see taxii.routes.ts).
  return reply
    .status(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}

const FASTIFY_ERRORS: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    title: 'The request body is larger than the API root allows (max_content_length).',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    title: 'Send the envelope as application/taxii+json;version=2.1.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    title: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', title: 'The request body is empty.' },
};

/** The error handler of the TAXII routes: every error leaves as a TAXII error message, never a 5xx with internals. */
export function taxiiErrorHandler(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendTaxiiError(request, reply, error.status, error.code, error.message, error.detail);
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return sendTaxiiError(request, reply, known.status, known.code, known.title);
  if (error.statusCode === 429) {
    return sendTaxiiError(
      request,
      reply,
      429,
      'rate_limited',
      'Too many requests; slow down and retry later.',
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendTaxiiError(request, reply, error.statusCode, 'bad_request', 'The request is not valid.');
  }
  request.log.error({ err: error }, 'unhandled TAXII error');
  return sendTaxiiError(request, reply, 500, 'internal_error', 'Something went wrong on our side.');
}
