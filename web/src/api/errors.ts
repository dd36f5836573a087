/** One entry of a problem's `errors` array: a field-level reason. */
export type FieldProblem = { code?: string; field?: string; path?: string; message?: string; test?: string };

/** An RFC 9457 problem reported by the API (or a network failure, status 0), reduced to what the UI uses. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;
  /** The request field a problem is about, when the API names one (e.g. which CVSS vector was refused). */
  readonly field: string | undefined;

  constructor(
    status: number,
    code: string,
    options: { detail?: string; errors?: FieldProblem[]; retryAfterSeconds?: number; field?: string } = {},
  ) {
    super(options.detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => {
    const problem: FieldProblem = {};
    const code = optionalString(entry.code);
    const field = optionalString(entry.field);
    const path = optionalString(entry.path) ?? optionalString(entry.instancePath);
    const message = optionalString(entry.message);
    const test = optionalString(entry.test);
    if (code) problem.code = code;
    if (test) problem.test = test;
    if (field) problem.field = field;
    if (path) problem.path = path;
    if (message) problem.message = message;
    return problem;
  });
}

/** Status codes without a problem body still get a code the UI can translate. */
function codeForStatus(status: number): string {
  if (status === 401) return 'authentication_required';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'too_many_attempts';
  if (status >= 500) return 'server_error';
  return 'request_failed';
}

function parseRetryAfter(response: Response | undefined): number | undefined {
  const header = response?.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

/** Turns a problem+json body (already parsed, or raw text) and its response into an ApiError. */
export function toApiError(body: unknown, response: Response | undefined): ApiError {
  const status = response?.status ?? (isRecord(body) && typeof body.status === 'number' ? body.status : 0);
  const retryAfterSeconds = parseRetryAfter(response);
  if (!isRecord(body)) {
    return new ApiError(status, codeForStatus(status), retryAfterSeconds ? { retryAfterSeconds } : {});
  }
  const options: { detail?: string; errors?: FieldProblem[]; retryAfterSeconds?: number; field?: string } = {
    errors: toFieldProblems(body.errors),
  };
  const field = optionalString(body.field);
  if (field) options.field = field;
  const detail = optionalString(body.detail) ?? optionalString(body.title);
  if (detail) options.detail = detail;
  if (retryAfterSeconds !== undefined) options.retryAfterSeconds = retryAfterSeconds;
  return new ApiError(status, optionalString(body.code) ?? codeForStatus(status), options);
}

export const networkError = (): ApiError => new ApiError(0, 'network_error');

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The form field a field problem is about: `field`, else the last segment of a JSON pointer or dotted path. */
export function fieldNameOf(problem: FieldProblem): string | undefined {
  if (problem.field) return problem.field;
  if (!problem.path) return undefined;
  const segments = problem.path.split(/[/.]/).filter(Boolean);
  return segments.at(-1);
}
