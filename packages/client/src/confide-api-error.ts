/** An RFC 9457 problem document as the Confide API writes it: the standard members, a stable `code`, extensions. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable error code (`session.not_found`, `auth.refresh_reused`…): switch on this. */
  code: string;
  instance: string;
  requestId: string;
  /** Field issues of a `validation.invalid_input` problem. */
  errors?: Array<{ in: string; field: string; message: string; code: string }>;
  [extension: string]: unknown;
}

const standardMembers = new Set(["type", "title", "status", "detail", "code", "instance", "requestId"]);

/**
 * Every answer of the API that is not a success, thrown by the client. `code` is the problem's
 * stable code (`network.unreadable_problem` when the answer was not a problem document, e.g. a
 * proxy's HTML error page); `details` holds the problem's extension members (`errors`,
 * `maxBytes`, `quota`…).
 */
export class ConfideApiError extends Error {
  override readonly name = "ConfideApiError";
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly requestId: string | undefined;
  /** Seconds from `Retry-After`, when the answer had one. */
  readonly retryAfterSeconds: number | undefined;
  readonly problem: ProblemDocument | undefined;

  constructor(init: { status: number; code: string; message: string; details?: Record<string, unknown>; requestId?: string; retryAfterSeconds?: number; problem?: ProblemDocument }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.problem = init.problem;
  }

  /** True when `error` is a ConfideApiError (of `code`, when given); works across bundles, unlike `instanceof`. */
  static is(error: unknown, code?: string): error is ConfideApiError {
    return (
      typeof error === "object" &&
      error !== null &&
      (error as { name?: unknown }).name === "ConfideApiError" &&
      (code === undefined || (error as { code?: unknown }).code === code)
    );
  }

  /** The error a failed response stands for; reads the body (a problem document when the API wrote it). */
  static async fromResponse(response: Response): Promise<ConfideApiError> {
    const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
    const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : undefined;
    const text = await response.text().catch(() => "");
    let problem: ProblemDocument | undefined;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === "object" && parsed !== null && typeof (parsed as { code?: unknown }).code === "string") {
        problem = parsed as ProblemDocument;
      }
    } catch {
      // Not JSON: reported below as an unreadable problem, with the status.
    }
    if (!problem) {
      return new ConfideApiError({
        status: response.status,
        code: "network.unreadable_problem",
        message: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      });
    }
    const details: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(problem)) if (!standardMembers.has(key)) details[key] = value;
    return new ConfideApiError({
      status: response.status,
      code: problem.code,
      message: problem.detail || problem.title || `HTTP ${response.status}`,
      details,
      problem,
      ...(problem.requestId ? { requestId: problem.requestId } : {}),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
}
