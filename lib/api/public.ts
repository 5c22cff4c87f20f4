/**
 * Shapes of the shared calls (server/api/public/): health, sign-in, campaign periods. Enrolling an extension or a
 * tablet is public too, but its shapes live with its area (staff.ts, kiosk.ts), as its URL does.
 */
import * as v from 'valibot';
import { isoDate } from './fields';

/** GET /api/health */
export const healthSchema = v.object({ status: v.literal('ok'), database: v.picklist(['sqlite', 'postgres']), uptimeSeconds: v.number() });

/** A campaign period and its report deadline (dates yyyy-mm-dd, inclusive). */
export const periodSchema = v.object({ id: v.string(), name: v.string(), startsOn: isoDate(), endsOn: isoDate(), reportDue: isoDate() });
export type Period = v.InferOutput<typeof periodSchema>;

/** GET /api/periods */
export const periodListSchema = v.object({ periods: v.array(periodSchema) });
export type PeriodList = v.InferOutput<typeof periodListSchema>;

/** POST /api/auth/login */
export const loginRequest = v.object({ username: v.string(), password: v.string() });

/** agriculture: Sở NN&PTNT (quality checks); district: a huyện's account, importing the operators' lists and watching its own communes (issue 13). */
export const roles = ['province', 'agency', 'officer', 'agriculture', 'district'] as const;

/** GET /api/auth/me, and the `user` of the login answer. */
export const signedInUserSchema = v.object({
  id: v.string(),
  username: v.string(),
  fullName: v.string(),
  role: v.picklist(roles),
  agencyCode: v.nullable(v.string()),
  /** The agency's full name, shown wherever the code would be (titles, account lists). */
  agencyName: v.nullable(v.string()),
  communeCodes: v.array(v.string()),
});
export type SignedInUser = v.InferOutput<typeof signedInUserSchema>;

/** POST /api/auth/login answer. */
export const loginAnswerSchema = v.object({ token: v.string(), expiresAt: v.string(), user: signedInUserSchema });
export type LoginAnswer = v.InferOutput<typeof loginAnswerSchema>;
