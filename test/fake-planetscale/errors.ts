// API errors. Route handlers throw these; the server turns them into PlanetScale's error body
// `{"code": ..., "message": ...}` with a JSON content type (PlanetScale's API docs, errors).

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * PlanetScale answers 404 for an unknown organization or resource AND for a missing
 * permission, so that a caller cannot probe what exists. The message is always the same.
 */
export function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'Not Found');
}

export function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message);
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad_request', message);
}

export function unprocessable(message: string): ApiError {
  return new ApiError(422, 'unprocessable', message);
}
