// The collector's staff API (docs/api.md) as the extension calls it, over the shared client (client/collector.ts).
// Every failure is a CollectorError with a Vietnamese message and whether trying again later may help.
// One function per call, so the popup and the background each bundle only the calls they make.
import type { EnrolmentCodePreview, EnrolResponse, PageReport, StaffOrderView, SubmissionResult, SubmittedOrder } from '../../lib/api/staff';
import { createCollector, type Collector } from '../../client/collector';

/** The collector at this address, with the person's token once enrolled. */
export const staffCollector = (baseUrl: string, token: string | null = null) =>
  createCollector({ baseUrl, token, noAnswerThen: 'Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại.' });

export const previewCode = (c: Collector, code: string) => c.get<EnrolmentCodePreview>(`/api/enrolment-codes/${encodeURIComponent(code.trim())}`);
export const enrol = (c: Collector, code: string, fullName: string, installationId: string) =>
  c.call<EnrolResponse>('POST', '/api/staff/enrol', { code: code.trim(), fullName: fullName.trim(), installationId });
export const sendOrders = (c: Collector, orders: SubmittedOrder[]) => c.call<{ results: SubmissionResult[] }>('POST', '/api/staff/orders', { orders });
export const withdrawOrder = (c: Collector, clientId: string) => c.call<{ clientId: string; status: 'withdrawn' }>('DELETE', `/api/staff/orders/${encodeURIComponent(clientId)}`);
export const myOrders = (c: Collector) => c.get<{ orders: StaffOrderView[] }>('/api/staff/orders');
export const currentRules = (c: Collector) => c.get<{ version: number | string; sites: Record<string, unknown> }>('/api/rules');
export const reportPage = (c: Collector, report: PageReport) => c.call<unknown>('POST', '/api/page-reports', report);
