// One error shape for every endpoint: {"error": {"code", "message", "field"?}}.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (field: string, message: string) => new HttpError(400, "invalid", message, field);
export const unauthorized = () => new HttpError(401, "unauthenticated", "Sign in first");
/** Not found, and also "belongs to another workspace" or "not yours to see": never tell which. */
export const notFound = (what = "resource") => new HttpError(404, "not_found", `No such ${what}`);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const forbidden = (message = "Not allowed") => new HttpError(403, "forbidden", message);

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(err: HttpError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
}
