// The collector's staff API (docs/api.md) as the extension calls it, over the shared client (client/collector.ts).
// Every failure is a CollectorError with a Vietnamese message and whether trying again later may help.
import type {
  EnrolmentCodePreview,
  EnrolResponse,
  PageReport,
  StaffMe,
  StaffOrderView,
  SubmissionResult,
  SubmittedOrder,
} from '../../lib/api/staff';
import { createCollector, noAnswerMessage } from '../../client/collector';

export function collectorApi(baseUrl: string, token: string | null = null) {
  const { call } = createCollector({ baseUrl, token, noAnswer: `${noAnswerMessage} Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại.` });
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
    health: () => call<unknown>('GET', '/api/health'),
  };
}
