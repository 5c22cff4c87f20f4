// The one way the extension and the PWA talk to the collector (docs/api.md): base URL, bearer token, JSON,
// a timeout, and every failure turned into one CollectorError carrying the numbered problem code
// (lib/api/problems.ts), a Vietnamese sentence and whether trying again later may help. Every outcome is
// reported to client/reachability.ts: any HTTP answer means the collector is reachable.
// The collector's refusals carry their own Vietnamese message, so the problem table is not bundled here.
import type { ProblemCode } from '../lib/api/problems';
import { reportAnswer, reportNoAnswer } from './reachability';

export class CollectorError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when no answer came (network error, timeout). */
    readonly status: number,
    /** The numbered problem ('409.1', '401.1'), 'network', 'timeout', or the bare status when the body had none. */
    readonly code: ProblemCode | 'network' | 'timeout' | `${number}`,
    /** No answer, a server error or a rate limit: worth trying again later. Any other refusal is final. */
    readonly retryable: boolean,
    readonly field?: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'CollectorError';
  }
}

const noAnswerMessage = 'Không kết nối được máy chủ của tỉnh (mất mạng hoặc máy chủ tạm dừng).';
const timeoutMessage = 'Máy chủ của tỉnh không trả lời kịp (mạng chậm hoặc máy chủ quá tải).';
const serverErrorMessage = 'Máy chủ gặp lỗi. Dữ liệu của bạn vẫn được giữ lại, xin thử lại sau.';

const retryableStatus = (status: number) => status >= 500 || status === 429 || status === 408;

/** The CollectorError for a refused answer (the JSON problem body, or only its status). */
async function refusalOf(res: Response): Promise<CollectorError> {
  let body: { error?: { code?: ProblemCode; message?: string; field?: string; detail?: string } } | null = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON (a proxy's error page): the status says enough */
  }
  const fallback = retryableStatus(res.status) ? serverErrorMessage : `Máy chủ từ chối yêu cầu (mã ${res.status}).`;
  const code = body?.error?.code ?? (String(res.status) as `${number}`);
  return new CollectorError(body?.error?.message ?? fallback, res.status, code, retryableStatus(res.status), body?.error?.field, body?.error?.detail);
}

export interface CollectorOptions {
  /** '' for the PWA (same origin); the configured collector address for the extension. */
  baseUrl?: string;
  /** Read at every request, so a new sign-in or enrolment needs no new client. */
  token?: string | null | (() => string | null);
  /** How long to wait for the answer's headers. */
  timeoutMs?: number;
  /** Added when no answer came (network error, timeout): what happens to the person's data. */
  noAnswerThen?: string;
  /** Told of every refusal before it is thrown (the dashboards end an expired session here). */
  onRefusal?: (e: CollectorError) => void;
}

export type RequestOptions = Omit<RequestInit, 'body'> & { body?: BodyInit | null; json?: unknown; timeoutMs?: number };

export type Collector = ReturnType<typeof createCollector>;

export function createCollector(options: CollectorOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const token = () => (typeof options.token === 'function' ? options.token() : (options.token ?? null));

  /** The answer when it is a success; otherwise throws CollectorError. A caller's abort is rethrown as is. */
  async function request(path: string, init: RequestOptions = {}): Promise<Response> {
    const { json, timeoutMs = options.timeoutMs ?? 30_000, signal, ...rest } = init;
    const headers = new Headers(rest.headers);
    const t = token();
    if (t) headers.set('Authorization', `Bearer ${t}`);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    // The timeout covers waiting for the answer, not reading a long download's body.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const stop = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    let res: Response;
    try {
      res = await fetch(base + path, { ...rest, headers, signal: stop, body: json !== undefined ? JSON.stringify(json) : rest.body });
    } catch (e) {
      if (signal?.aborted) throw e;
      reportNoAnswer();
      const then = options.noAnswerThen ? ` ${options.noAnswerThen}` : '';
      throw timeout.signal.aborted ? new CollectorError(timeoutMessage + then, 0, 'timeout', true) : new CollectorError(noAnswerMessage + then, 0, 'network', true);
    } finally {
      clearTimeout(timer);
    }
    reportAnswer();
    // 304 answers a caller's own If-None-Match: its copy is current.
    if (res.ok || res.status === 304) return res;
    const refusal = await refusalOf(res);
    options.onRefusal?.(refusal);
    throw refusal;
  }

  /** A JSON call: the parsed answer, or undefined for 204. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await request(path, { method, json: body });
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  return { request, call, get: <T>(path: string) => call<T>('GET', path) };
}
