import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId: string;
  [extra: string]: unknown;
}

/** Fastify's own error codes mapped to our stable problem codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    title: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    title: 'The JSON request body is empty.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    title: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    title: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    title: 'The Content-Length header does not match the body.',
  },
  FST_ERR_VALIDATION: { status: 400, code: 'validation_failed', title: 'The request is not valid.' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', title: 'The URL is malformed.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad_request', title: 'The request is not valid.' },
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
) {
  const body: Problem = {
    type: `https://commonground.invalid/problems/${code}`,
    title,
    status,
    code,
    requestId: request.id,
    ...extra,
  };
  return reply.status(status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

function validationErrors(error: FastifyError): { path: string; code: string; message: string }[] {
  return (error.validation ?? []).map((v) => ({
    // The JSON Schema keyword that failed (required, minLength, format, enum…): clients translate it.
    code: v.keyword,
    path: `${error.validationContext ?? 'body'}${v.instancePath || ''}${
      v.keyword === 'additionalProperties' ? `/${String(v.params.additionalProperty)}` : ''
    }${v.keyword === 'required' ? `/${String(v.params.missingProperty)}` : ''}`,
    message: v.message ?? 'is not valid',
  }));
}

/** Every error leaves as RFC 9457 problem details with a stable `code`; a 5xx never reveals internals. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(request, reply, error.status, error.code, error.message, {
        ...(error.detail ? { detail: error.detail } : {}),
        ...(error.extra ?? {}),
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return sendProblem(request, reply, 400, 'validation_failed', 'The request is not valid.', {
        detail: fastifyError.message,
        errors: validationErrors(fastifyError),
      });
    }
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return sendProblem(request, reply, known.status, known.code, known.title);
    if (fastifyError.statusCode === 429) {
      return sendProblem(
        request,
        reply,
        429,
        'rate_limited',
        'Too many requests; slow down and retry later.',
      );
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return sendProblem(request, reply, fastifyError.statusCode, 'bad_request', fastifyError.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal_error', 'Something went wrong on our side.');
  });
}
