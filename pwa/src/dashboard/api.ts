import { CollectorError, createCollector, type RequestOptions } from '../../../client/collector';

/**
 * The dashboards' session on the shared collector client (client/collector.ts): the signed-in person's token,
 * and the end of the session when the collector says it is over (401.1).
 */

let token: string | null = null;
let onExpired: () => void = () => {};

/** Set by the dashboard when someone signs in; `expired` runs when the collector says the session is over. */
export function setApiSession(t: string | null, expired: () => void = () => {}) {
  token = t;
  onExpired = expired;
}

const collector = createCollector({
  token: () => token,
  noAnswerThen: 'Kiểm tra mạng rồi thử lại; dữ liệu đã nhập vẫn còn trên màn hình.',
  onRefusal: (e) => e.code === '401.1' && onExpired(),
});

/** fetch with the session's token; throws CollectorError on refusal or when no answer comes. */
export const apiFetch = (path: string, init?: RequestOptions) => collector.request(path, init);
export const getJson = <T>(path: string) => collector.get<T>(path);
export const sendJson = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => collector.call<T>(method, path, body);

/** The sentence to show for any error caught around an API call, with its code for the help desk. */
export function describeError(e: unknown): string {
  if (e instanceof CollectorError) return e.status === 0 ? e.message : `${e.message}${e.detail ? ` (${e.detail})` : ''} [${e.code}]`;
  return 'Đã có lỗi không mong muốn. Xin tải lại trang.';
}
