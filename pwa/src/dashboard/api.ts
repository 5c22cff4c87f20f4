import { problems } from '../../../lib/api/problems';

/**
 * The dashboards' only way to the collector: bearer token, JSON, and every refusal turned into an ApiError
 * carrying the numbered code and a Vietnamese sentence a person can act on.
 */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

let token: string | null = null;
let onExpired: () => void = () => {};

/** Set by the dashboard when someone signs in; `expired` runs when the collector says the session is over. */
export function setApiSession(t: string | null, expired: () => void = () => {}) {
  token = t;
  onExpired = expired;
}

export const networkMessage = 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại; dữ liệu đã nhập vẫn còn trên màn hình.';

/** Builds the ApiError for a refused response (JSON problem body, or a bare status). */
export async function problemOf(res: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; field?: string; detail?: string } } | null = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: fall back to the status */
  }
  const code = body?.error?.code ?? `${res.status}`;
  const known = (problems as Record<string, { vi: string }>)[code];
  const message = body?.error?.message ?? known?.vi ?? `Máy chủ từ chối yêu cầu (mã ${res.status}).`;
  return new ApiError(code, message, res.status, body?.error?.field, body?.error?.detail);
}

/** fetch with the session's token; throws ApiError on refusal or when the network is down. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError('network', networkMessage, 0);
  }
  if (res.ok) return res;
  const problem = await problemOf(res);
  if (problem.code === '401.1') onExpired();
  throw problem;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await apiFetch(path)).json() as Promise<T>;
}

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await apiFetch(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The sentence to show for any error caught around an API call, with its code for the help desk. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) return e.code === 'network' ? e.message : `${e.message}${e.detail ? ` (${e.detail})` : ''} [${e.code}]`;
  return 'Đã có lỗi không mong muốn. Xin tải lại trang.';
}
