import { useEffect, useRef, useState } from 'preact/hooks';
import { StatusMessage } from '../../../../components/status-message';
import { choosePeriod, PeriodPicker, readQuery, usePeriods, writeQuery } from '../periods';
import { TabNav, useSubPage, type Tab } from '../tabs';
import { AgencyReport } from './agency-report';
import { AgencyHeadcount } from './headcount';
import { EnrolmentCodes } from './enrolment-codes';
import { Participants } from './participants';
import { ReviewOrders } from './review-orders';
import { AgencyUnits } from './units';
import { AgencyLanding } from '../landing/agency-landing';
import { NoPeriod } from '../no-period';
import { groupClaims } from './review-groups';
import { useLoad } from '../use-load';
import type { AgencyOrderView } from '../../../../lib/api/agency';

const pages: Tab[] = [
  { slug: 'hom-nay', label: 'Hôm nay' },
  { slug: 'bao-cao', label: 'Báo cáo của cơ quan' },
  { slug: 'can-xem-xet', label: 'Đơn cần xem xét' },
  { slug: 'nguoi-tham-gia', label: 'Người tham gia' },
  { slug: 'ma-dang-ky', label: 'Mã đăng ký' },
  { slug: 'don-vi-truc-thuoc', label: 'Đơn vị trực thuộc' },
];

/** The agency focal point's (cán bộ đầu mối) dashboard: codes, people, review, report, export, sub-units. */
export function AgencyView({ agencyName }: { agencyName: string }) {
  const periods = usePeriods();
  const [wanted, setWanted] = useState(readQuery('dot'));
  const period = periods.data ? choosePeriod(periods.data.periods, wanted) : null;
  // What waits for review in the period, counted as the review page shows it: a double claim is one card.
  const pending = useLoad<{ orders: AgencyOrderView[] }>(period ? `/api/agency/review?period=${encodeURIComponent(period.id)}&kind=pending` : null);
  const tabs = pages.map((t) => (t.slug === 'can-xem-xet' && pending.data ? { ...t, count: groupClaims(pending.data.orders).length } : t));
  const page = useSubPage(tabs);
  // Orders keep arriving: counted again on each move between pages (not on the first, just loaded).
  const seen = useRef(page);
  useEffect(() => {
    if (seen.current !== page) pending.reload();
    seen.current = page;
  }, [page]);
  const pick = (id: string) => {
    writeQuery('dot', id);
    setWanted(id);
  };
  return (
    <main class="dash-wide">
      <h1>Báo cáo của {agencyName}</h1>
      <TabNav tabs={tabs} current={page} label="Các trang của cơ quan" />
      {page === 'ma-dang-ky' ? (
        <EnrolmentCodes agencyName={agencyName} />
      ) : page === 'don-vi-truc-thuoc' ? (
        <AgencyUnits />
      ) : (
        <>
          <StatusMessage error={periods.error} />
          {periods.data && periods.data.periods.length > 0 && <PeriodPicker periods={periods.data.periods} value={period?.id ?? ''} onChange={pick} />}
          {periods.data && !period && <NoPeriod canCreate={false} periods={periods.data.periods} />}
          {period && page === 'hom-nay' && <AgencyLanding key={period.id} period={period} />}
          {page === 'bao-cao' && <AgencyHeadcount />}
          {period && page === 'bao-cao' && <AgencyReport period={period} />}
          {period && page === 'can-xem-xet' && <ReviewOrders periodId={period.id} onChanged={pending.reload} />}
          {period && page === 'nguoi-tham-gia' && <Participants periodId={period.id} />}
        </>
      )}
    </main>
  );
}
