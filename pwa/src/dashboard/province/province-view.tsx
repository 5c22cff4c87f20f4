import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../../components/status-message';
import { choosePeriod, PeriodPicker, readQuery, usePeriods, writeQuery } from '../periods';
import { TabNav, useSubPage, type Tab } from '../tabs';
import { useLoad } from '../use-load';
import { Accounts } from './accounts';
import { AgencyHeadcounts } from './agency-headcounts';
import { CampaignPeriods } from './campaign-periods';
import { DailyKg } from './daily-kg';
import { HouseholdProgress } from './household-progress';
import { OperatorLists } from '../channels/operator-lists';
import { Phases } from '../channels/phases';
import { LeadingAccounts } from './leading-accounts';
import { MostBoughtShops } from './most-bought-shops';
import { RollupPanel } from './rollup';
import type { Scope } from './scope';
import { ProvinceLanding } from '../landing/province-landing';
import { NoPeriod } from '../no-period';

const allTabs: Tab[] = [
  { slug: 'hom-nay', label: 'Hôm nay' },
  { slug: 'tong-hop', label: 'Tổng hợp các cơ quan' },
  { slug: 'theo-ngay', label: 'Theo thời gian' },
  { slug: 'cua-hang-can-bo-mua', label: 'Cửa hàng được cán bộ mua nhiều' },
  { slug: 'dau-tau', label: 'Tài khoản đầu tàu' },
  { slug: 'ho-dang-ky', label: 'Hộ đăng ký theo xã' },
  { slug: 'danh-sach-san', label: 'Danh sách của sàn' },
  { slug: 'giai-doan', label: 'Giai đoạn' },
  { slug: 'co-quan', label: 'Cơ quan và số CB, CC, VC, NLĐ' },
  { slug: 'tai-khoan', label: 'Tài khoản' },
  { slug: 'dot', label: 'Đợt vận động' },
];

/** Sở TT&TT's dashboard: every agency's report, the roll-up, where to act, households, accounts, periods. */
export function ProvinceView() {
  // Household progress comes from the kiosk's part of the collector; a collector without it shows no such page.
  const households = useLoad<unknown>('/api/kiosk/progress');
  const tabs = households.error ? allTabs.filter((t) => !['ho-dang-ky', 'danh-sach-san', 'giai-doan'].includes(t.slug)) : allTabs;
  const page = useSubPage(tabs);
  const periods = usePeriods();
  const [wanted, setWanted] = useState(readQuery('dot'));
  const [month, setMonth] = useState(readQuery('thang'));
  const period = periods.data ? choosePeriod(periods.data.periods, wanted) : null;
  const scope: Scope | null = month ? { month } : period ? { period: period.id } : null;
  const landing = page === 'hom-nay';
  const needsScope = landing || page === 'tong-hop' || page === 'theo-ngay' || page === 'cua-hang-can-bo-mua';
  const list = periods.data?.periods ?? [];

  function pickPeriod(id: string) {
    writeQuery('dot', id);
    writeQuery('thang', null);
    setWanted(id);
    setMonth(null);
  }
  function pickMonth(m: string) {
    writeQuery('thang', m || null);
    setMonth(m || null);
  }

  return (
    <main class="dash-wide">
      <h1>Sở Thông tin và Truyền thông — tổng hợp toàn tỉnh</h1>
      <TabNav tabs={tabs} current={page} label="Các trang của Sở" />
      {needsScope && (
        <div class="dash-row">
          <StatusMessage error={periods.error} />
          {list.length > 0 && <PeriodPicker periods={list} value={period?.id ?? ''} onChange={pickPeriod} />}
          {!landing && (
            <label>
              Hoặc xem theo tháng
              <input type="month" value={month ?? ''} onChange={(e) => pickMonth(e.currentTarget.value)} />
            </label>
          )}
        </div>
      )}
      {needsScope && periods.data && !period && !(month && !landing) && <NoPeriod canCreate periods={list} />}
      {landing && period && <ProvinceLanding key={period.id} period={period} />}
      {scope && page === 'tong-hop' && <RollupPanel scope={scope} />}
      {scope && page === 'theo-ngay' && <DailyKg scope={scope} />}
      {scope && page === 'cua-hang-can-bo-mua' && <MostBoughtShops scope={scope} />}
      {page === 'dau-tau' && <LeadingAccounts />}
      {page === 'ho-dang-ky' && <HouseholdProgress />}
      {page === 'danh-sach-san' && <OperatorLists />}
      {page === 'giai-doan' && <Phases />}
      {page === 'co-quan' && <AgencyHeadcounts />}
      {page === 'tai-khoan' && <Accounts />}
      {page === 'dot' && <CampaignPeriods onChanged={periods.reload} />}
    </main>
  );
}
