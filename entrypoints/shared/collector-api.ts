// The collector's staff API (docs/api.md) as the extension calls it. Every failure becomes an ApiError
// with a Vietnamese message a person can read and a flag saying whether trying again later may help.
import type {
  EnrolmentCodePreview,
  EnrolResponse,
  PageReport,
  StaffMe,
  StaffOrderView,
  SubmissionResult,
  SubmittedOrder,
} from '../../lib/api/staff';

export class ApiError extends Error {
  constructor(
    message: string,
    /** Network down, server error, rate limit: worth retrying. A 4xx answer is final. */
    readonly transient: boolean,
    readonly code: string | null = null,
    readonly status = 0,
  ) {
    super(message);
  }
}

const OFFLINE = 'Không kết nối được máy chủ của tỉnh (mất mạng hoặc máy chủ tạm dừng). Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại.';

export function collectorApi(baseUrl: string, token: string | null = null) {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(base + path, {
        method,
        headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...(token && { Authorization: `Bearer ${token}` }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(OFFLINE, true);
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) {
      const transient = res.status >= 500 || res.status === 429 || res.status === 408;
      const message = json?.error?.message ?? (transient ? OFFLINE : `Máy chủ từ chối (mã ${res.status}).`);
      throw new ApiError(message, transient, json?.error?.code ?? null, res.status);
    }
    return json as T;
  }
  return {
    previewCode: (code: string) => call<EnrolmentCodePreview>('GET', `/api/enrolment-codes/${encodeURIComponent(code.trim())}`),
    enrol: (code: string, fullName: string, installationId: string) =>
      call<EnrolResponse>('POST', '/api/staff/enrol', { code: code.trim(), fullName: fullName.trim(), installationId }),
    me: () => call<StaffMe>('GET', '/api/staff/me'),
    submit: (orders: SubmittedOrder[]) => call<{ results: SubmissionResult[] }>('POST', '/api/staff/orders', { orders }),
    withdraw: (clientId: string) => call<{ clientId: string; status: 'withdrawn' }>('DELETE', `/api/staff/orders/${encodeURIComponent(clientId)}`),
    mine: () => call<{ orders: StaffOrderView[] }>('GET', '/api/staff/orders'),
    rules: () => call<{ version: number | string; sites: Record<string, unknown> }>('GET', '/api/rules'),
    reportPage: (report: PageReport) => call<unknown>('POST', '/api/page-reports', report),
  };
}
