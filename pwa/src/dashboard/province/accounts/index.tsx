import { useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../../components/status-message';
import { useLoad } from '../../use-load';
import type { AgencyRow } from '../agency-headcounts';
import type { Account } from './account';
import { AccountList } from './account-list';
import { NewAccount } from './new-account';

/** The province creates agency focal point and commune officer accounts, and locks the ones that must stop. */
export function Accounts() {
  const list = useLoad<{ users: Account[] }>('/api/province/users');
  const agencies = useLoad<{ agencies: AgencyRow[] }>('/api/province/agencies');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <section aria-labelledby="acc-h">
      <h2 id="acc-h">Tài khoản</h2>
      <NewAccount agencies={agencies.data?.agencies ?? []} onOutcome={setOutcome} onCreated={list.reload} />
      <StatusMessage message={outcome} />
      <StatusMessage error={list.error} />
      {list.data && <AccountList users={list.data.users} onOutcome={setOutcome} onChanged={list.reload} />}
    </section>
  );
}
