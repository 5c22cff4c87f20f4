import { HouseholdQuickForm } from './household-quick-form';

/** The commune kiosk. */
export function KioskApp() {
  return (
    <main>
      <HouseholdQuickForm />
    </main>
  );
}
