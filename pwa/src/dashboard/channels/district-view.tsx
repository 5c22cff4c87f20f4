import { TabNav, useSubPage, type Tab } from '../tabs';
import { HouseholdProgress } from '../province/household-progress';
import { OperatorLists } from './operator-lists';

const tabs: Tab[] = [
  { slug: 'tien-do', label: 'Tiến độ các xã' },
  { slug: 'danh-sach-san', label: 'Danh sách của Bưu điện, Viettel Post' },
];

/** A district account (huyện): its communes' progress from every channel, and the operators' lists to import. */
export function DistrictView() {
  const page = useSubPage(tabs);
  return (
    <main class="dash-wide">
      <h1>Tiến độ hộ nông dân lên sàn của huyện</h1>
      <TabNav tabs={tabs} current={page} label="Các trang của huyện" />
      {page === 'tien-do' && <HouseholdProgress editable={false} />}
      {page === 'danh-sach-san' && <OperatorLists />}
    </main>
  );
}
