import type { Migration } from 'kysely';
import { households0001 } from './0001-households';
import { regionAndAccounts0002 } from './0002-region-and-accounts';
import { staffOrders0101 } from './0101-staff-orders';
import { agencyReports0102 } from './0102-agency-reports';
import { tallyColumns0103 } from './0103-tally-columns';
import { staffByAgency0104 } from './0104-staff-by-agency';
import { orderChecks0105 } from './0105-order-checks';
import { reportDocuments0106 } from './0106-report-documents';
import { normaliseOrderCodes0107 } from './0107-normalise-order-codes';
import { headcountLock0108 } from './0108-headcount-lock';
import { staffOrderPhotos0109 } from './0109-staff-order-photos';
import { agencyUnits0110 } from './0110-agency-units';
import { kiosk0201 } from './0201-kiosk';
import { householdCodes0202 } from './0202-household-codes';
import { accessControl0301 } from './0301-access-control';
import { marketplaceVolume0701 } from './0701-marketplace-volume';
import { householdClaims0501 } from './0501-household-claims';
import { channels0401 } from './0401-channels';
import { leadingAccounts0601 } from './0601-leading-accounts';
import { channelProgress0821 } from './0821-channel-progress';
import { ordersVisibility0822 } from './0822-orders-visibility';
import { fewOrdersIndexes0841 } from './0841-few-orders-indexes';
import { householdRareKeys0870 } from './0870-household-rare-keys';
import { householdNumberIndexes0880 } from './0880-household-number-indexes';
import { claimIndexByCode0890 } from './0890-claim-index-by-code';

/**
 * One list for SQLite and PostgreSQL, run in name order. Append only: never edit a migration that has
 * shipped. Each area owns a number range: 00xx foundation, 01xx collector/reports, 02xx kiosk, 03xx access control, 04xx every channel's progress, 05xx quality checks, 06xx leading accounts, 07xx marketplace volume and the dashboards, 082x stored roll-ups, 084x the roll-up's and exports' speed, 087x the kiosk batch's speed.
 */
export const migrations: Record<string, Migration> = {
  '0001-households': households0001,
  '0002-region-and-accounts': regionAndAccounts0002,
  '0101-staff-orders': staffOrders0101,
  '0102-agency-reports': agencyReports0102,
  '0103-tally-columns': tallyColumns0103,
  '0104-staff-by-agency': staffByAgency0104,
  '0105-order-checks': orderChecks0105,
  '0106-report-documents': reportDocuments0106,
  '0107-normalise-order-codes': normaliseOrderCodes0107,
  '0108-headcount-lock': headcountLock0108,
  '0109-staff-order-photos': staffOrderPhotos0109,
  '0110-agency-units': agencyUnits0110,
  '0201-kiosk': kiosk0201,
  '0202-household-codes': householdCodes0202,
  '0301-access-control': accessControl0301,
  '0401-channels': channels0401,
  '0501-household-claims': householdClaims0501,
  '0601-leading-accounts': leadingAccounts0601,
  '0701-marketplace-volume': marketplaceVolume0701,
  '0821-channel-progress': channelProgress0821,
  '0822-orders-visibility': ordersVisibility0822,
  '0841-few-orders-indexes': fewOrdersIndexes0841,
  '0870-household-rare-keys': householdRareKeys0870,
  '0880-household-number-indexes': householdNumberIndexes0880,
  '0890-claim-index-by-code': claimIndexByCode0890,
};
