import { StatusMessage } from '../../../../../components/status-message';
import { useLoad } from '../../use-load';
import type { AgencyRow } from '../agency-headcounts';
import type { Account } from './account';
import { AccountList } from './account-list';
import { NewAccount } from './new-account';
import { TabletList } from '../../tablets/tablet-list';

/**
 * The province creates agency focal point and commune officer accounts, and locks the ones that must stop (locking an
 * officer also stops every tablet they enrolled); below, every commune tablet, to revoke a lost one.
 */
export function Accounts() {
  const list = useLoad<{ users: Account[] }>('/api/province/users');
  const agencies = useLoad<{ agencies: AgencyRow[] }>('/api/province/agencies');
  return (
    <section aria-labelledby="acc-h">
      <h2 id="acc-h">Tài khoản</h2>
      <NewAccount agencies={agencies.data?.agencies ?? []} onCreated={list.reload} />
      <StatusMessage error={list.error} />
      {list.data && <AccountList users={list.data.users} onChanged={list.reload} />}
      <TabletList showOfficer />
    </section>
  );
}
