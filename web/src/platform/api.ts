// The one way the workbench talks HTTP: same-origin cookie session, the CSRF token on
// every write, and server errors turned into ApiError so forms can point at a field.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from /api/me and the login answer; sent as x-csrf-token on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (but the session probe itself) answers 401: the session ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as "signed out" (login and the /api/me probe). */
  quiet401?: boolean;
  /** A non-JSON body (CSV import, a picture file), sent as is with its content type. */
  raw?: { body: string | Blob; contentType: string };
  /** Return the answer's text instead of parsing JSON (CSV export). */
  asText?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: options.asText ? "text/csv, text/plain, */*" : "application/json" };
  if (options.raw) headers["content-type"] = options.raw.contentType;
  else if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (response.ok && options.asText) return text as T;
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = errorFrom(response.status, parsed);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${status}`;
  const message = typeof error?.message === "string" ? error.message : `HTTP ${status}`;
  const field = typeof error?.field === "string" ? error.field : undefined;
  return new ApiError(status, code, message, field);
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => api<T>(path, { signal });
export const apiPost = <T>(path: string, body?: unknown) => api<T>(path, { method: "POST", body: body ?? {} });
export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: "PATCH", body });
export const apiDelete = <T>(path: string) => api<T>(path, { method: "DELETE" });
