/**
 * Shapes of the kiosk API (server/api/kiosk/, and the tablet's public enrolment), shared by the tablet, the
 * dashboards and the collector, which validates requests and answers with them.
 */
import * as v from 'valibot';
import { itemProblemSchema } from './fields';
import { statusLabels, type HouseholdStatus, type SubmittedHousehold } from '../kiosk/household';

const householdStatuses = Object.keys(statusLabels) as HouseholdStatus[];

/** A commune as the tablet lists it. */
export const kioskCommuneSchema = v.object({ code: v.string(), name: v.string(), districtCode: v.string(), districtName: v.string() });
export type KioskCommune = v.InferOutput<typeof kioskCommuneSchema>;

/** POST /api/kiosk/enrol body: the code an officer made (POST /api/kiosk/device-codes). */
export const kioskEnrolRequest = v.object({
  code: v.string(),
  /** A name for the tablet in the officer's list; blank or absent: "Máy tính bảng". */
  deviceName: v.optional(
    v.pipe(
      v.unknown(),
      v.transform((x) => (typeof x === 'string' && x.trim() ? x.trim().slice(0, 80) : 'Máy tính bảng')),
    ),
    'Máy tính bảng',
  ),
});

/** POST /api/kiosk/enrol answer: the tablet's own token, scoped to the code's communes. */
export const kioskEnrolAnswerSchema = v.object({
  token: v.string(),
  /** `codePrefix`: the first three characters of every record code this tablet gives (lib/kiosk/record-code.ts). */
  device: v.object({ id: v.string(), name: v.string(), codePrefix: v.string() }),
  officer: v.object({ fullName: v.string() }),
  communes: v.array(kioskCommuneSchema),
});
export type EnrolAnswer = v.InferOutput<typeof kioskEnrolAnswerSchema>;

/** POST /api/kiosk/device-codes body: the officer's communes to enrol the tablet for (default: all of theirs). */
export const deviceCodeRequest = v.object({ communeCodes: v.optional(v.array(v.string())) });

/** POST /api/kiosk/device-codes answer: a single-use code valid 30 minutes. */
export const deviceCodeAnswerSchema = v.object({ code: v.string(), expiresAt: v.string(), communes: v.array(kioskCommuneSchema) });

/** One enrolled tablet, as its officer and the province see it (GET /api/kiosk/devices). */
export const kioskDeviceViewSchema = v.object({
  id: v.string(),
  name: v.string(),
  enrolledBy: v.object({ id: v.string(), fullName: v.string() }),
  createdAt: v.string(),
  /** When someone revoked it, or null while it may work. */
  revokedAt: v.nullable(v.string()),
  /** Its live token's expiry (pushed out while the tablet is used), or null when it has none left. */
  expiresAt: v.nullable(v.string()),
  communeCodes: v.array(v.string()),
});
export type KioskDeviceView = v.InferOutput<typeof kioskDeviceViewSchema>;
export const kioskDeviceListSchema = v.object({ devices: v.array(kioskDeviceViewSchema) });

/** GET /api/kiosk/device answer. */
export const deviceAnswerSchema = v.object({ device: v.object({ id: v.string(), name: v.string(), codePrefix: v.string() }), communes: v.array(kioskCommuneSchema) });
export type DeviceAnswer = v.InferOutput<typeof deviceAnswerSchema>;

/** One household the collector holds for the device's communes: for duplicates and status, no phone/ID in clear. */
export const rosterEntrySchema = v.object({
  serverId: v.string(),
  clientId: v.string(),
  /** The record code people read ("KX7A-QVYD"). */
  code: v.string(),
  communeCode: v.string(),
  village: v.string(),
  headName: v.string(),
  /** SHA-256 (hex) of each identity key ("phone:09…", "id:020…"), so the tablet finds duplicates offline. */
  keyHashes: v.array(v.string()),
  status: v.picklist(householdStatuses),
  shopUrl: v.nullable(v.string()),
  updatedAt: v.string(),
});
export type RosterEntry = v.InferOutput<typeof rosterEntrySchema>;

/** GET /api/kiosk/households?since= answer. */
export const householdsSinceSchema = v.object({
  households: v.array(rosterEntrySchema),
  /** Pass back as `since` next time. */
  cursor: v.string(),
  /** The communes' active leading accounts (names and ids only), in full each time: who may have guided a household. */
  leadingAccounts: v.array(v.object({ id: v.string(), name: v.string(), communeCode: v.string() })),
});
export type HouseholdsSince = v.InferOutput<typeof householdsSinceSchema>;

/** POST /api/kiosk/households body: up to 100 households, each judged on its own (lib/kiosk/household.ts). */
export const householdBatchRequest = v.object({ households: v.pipe(v.array(v.unknown()), v.maxLength(100, '400.55')) });

export const householdResultSchema = v.object({
  clientId: v.string(),
  status: v.picklist(['accepted', 'rejected']),
  serverId: v.optional(v.string()),
  /** Accepted: the household's record code, the tablet's own or the one the collector gave instead (a clash). */
  code: v.optional(v.string()),
  problem: v.optional(itemProblemSchema),
});
export type HouseholdResult = v.InferOutput<typeof householdResultSchema>;

/** POST /api/kiosk/households answer: one result per household, in order. */
export const syncAnswerSchema = v.object({ results: v.array(householdResultSchema) });
export type SyncAnswer = v.InferOutput<typeof syncAnswerSchema>;

/** GET /api/kiosk/households/:clientId/photos answer. */
export const photoListSchema = v.object({ photos: v.array(v.object({ id: v.string(), kind: v.picklist(['product', 'signature']), size: v.number() })) });

/** PUT /api/kiosk/households/:clientId/photos/:photoId answer. */
export const photoAnswerSchema = v.object({ id: v.string(), kind: v.picklist(['product', 'signature']) });

/** POST /api/kiosk/handover answer. */
export const handoverAnswerSchema = v.object({
  updated: v.number(),
  unchanged: v.number(),
  /** `recordCode`: the row's "Mã hồ sơ" as the file holds it; `code`: the problem's number. */
  problems: v.array(v.object({ row: v.number(), recordCode: v.string(), code: v.string(), message: v.string() })),
});
export type HandoverAnswer = v.InferOutput<typeof handoverAnswerSchema>;

/** One channel's part of a commune's or district's households (lib/channels/progress.ts). */
export const channelFiguresSchema = v.object({ households: v.number(), shops: v.number(), payments: v.number(), productsListed: v.number() });

/**
 * What a commune's progress and a district's (lib/api/channels.ts) both say, defined once: households toward the
 * target, from every channel, and the deadline.
 */
export const progressFigures = {
  householdCount: v.nullable(v.number()),
  /** Signed up on the kiosk. */
  signedUp: v.number(),
  /** The next four count households from every channel (kiosk, Bưu điện, Viettel Post), each household once. */
  shopsOpened: v.number(),
  paymentAccounts: v.number(),
  both: v.number(),
  /** Products listed, counted (a household on two marketplaces counts both shops' products). */
  productsListed: v.number(),
  /** both / householdCount × 100, when the province has entered the household count. */
  percentBoth: v.nullable(v.number()),
  deadline: v.nullable(v.string()),
  /** Each channel's part; a household with a shop on two channels is in both parts but once in the totals. */
  channels: v.object({ kiosk: channelFiguresSchema, postmart: channelFiguresSchema, voso: channelFiguresSchema }),
};

export const communeProgressSchema = v.object({
  communeCode: v.string(),
  communeName: v.string(),
  districtCode: v.string(),
  districtName: v.string(),
  ...progressFigures,
  targetPercent: v.number(),
});
export type CommuneProgress = v.InferOutput<typeof communeProgressSchema>;

/** GET /api/kiosk/progress answer. */
export const progressAnswerSchema = v.object({ targetPercent: v.number(), communes: v.array(communeProgressSchema) });

export type { SubmittedHousehold };
