import { createHash } from 'node:crypto';

/**
 * The hash of a household's phone or ID number, exactly as the kiosk's roster sends it to tablets
 * (sha256 of lib/kiosk/household.ts identityKeys: "phone:0912345678", "id:020190001234"), so an operator's row and a
 * kiosk signup of the same household meet on the same value without the operator's numbers being stored in clear.
 */
export const identityHash = (kind: 'phone' | 'id', normalised: string) => createHash('sha256').update(`${kind}:${normalised}`).digest('hex');
