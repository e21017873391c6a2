/** A refused request: the HTTP status and the stable `code` of the problem+json answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  static is(error: unknown): error is ApiError {
    return error instanceof Error && error.name === "ApiError";
  }
}

/** The problem+json body of a failed response as an ApiError (a network or proxy page too). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const problem = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof problem.code === "string" ? problem.code : `http.${status}`;
  const message = typeof problem.detail === "string" ? problem.detail : `The server answered ${status}.`;
  const details = Object.fromEntries(
    Object.entries(problem).filter(([key]) => !["type", "title", "status", "detail", "code", "instance"].includes(key)),
  );
  return new ApiError(status, code, message, details);
}
