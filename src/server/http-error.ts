import type { Problem } from '../core/result.js';

/** An expected failure a route answers with: status, stable kebab-case code, a message for people. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not-found', `${what} not found`);
export const forbidden = (message = 'you are not allowed to do this'): HttpError => new HttpError(403, 'forbidden', message);
export const badRequest = (code: string, message: string): HttpError => new HttpError(400, code, message);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);
