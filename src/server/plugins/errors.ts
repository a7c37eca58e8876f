import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  problems?: unknown[];
  requestId?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** PostgreSQL errors that mean "this input cannot be stored", should any get past the schemas. */
const DB_INPUT_ERRORS: Record<string, string> = {
  '22021': 'text with a NUL byte or invalid UTF-8 cannot be stored',
  '22P05': 'text with a NUL byte cannot be stored',
  '22P02': 'a value has the wrong format',
  '22003': 'a number is out of range',
  '22001': 'a value is too long',
  '23514': 'a value is not allowed here',
  '23503': 'a referenced record does not exist',
};

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty-body'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid-content-length'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid-json'],
};

function body(statusCode: number, code: string, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', code, message, ...extra };
}

/** One error handler: expected failures keep their message; anything else is a 500 without details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      const extra = error.problems === undefined ? {} : { problems: [...error.problems] };
      return reply.code(error.statusCode).send(body(error.statusCode, error.code, error.message, extra));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation !== undefined) {
      return reply.code(400).send(body(400, 'invalid-request', fastifyError.message));
    }
    const known = fastifyError.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
    if (known !== undefined) {
      const message = known[0] === 415 ? 'send a JSON body (Content-Type: application/json)' : fastifyError.message;
      return reply.code(known[0]).send(body(known[0], known[1], message));
    }
    const dbMessage = fastifyError.code === undefined ? undefined : DB_INPUT_ERRORS[fastifyError.code];
    if (dbMessage !== undefined) {
      request.log.warn({ sqlState: fastifyError.code }, 'database refused a value');
      return reply.code(400).send(body(400, 'invalid-value', dbMessage));
    }
    if (fastifyError.code === '23505') return reply.code(409).send(body(409, 'conflict', 'this already exists'));
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send(body(status, 'bad-request', fastifyError.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(body(500, 'internal-error', 'internal server error; the server log has the details', { requestId: String(request.id) }));
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.code(404).send(body(404, 'not-found', `no route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`));
  });
}
