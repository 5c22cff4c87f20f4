/**
 * GET /api/registry/shops: the public registry of registered households' shops with verified quality facts, read by
 * the extension to show buyers a note on product pages. No personal data: the shop's link, its commune and district,
 * and for each verified, unexpired claim only its kind with expiry or stars.
 */
import * as v from 'valibot';
import { marketplaces } from '../marketplaces/hosts';

export const registryClaimSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('vietgap'), expiresOn: v.string() }),
  v.strictObject({ kind: v.literal('ocop'), stars: v.number(), expiresOn: v.nullable(v.string()) }),
  v.strictObject({ kind: v.literal('traceability'), expiresOn: v.nullable(v.string()) }),
]);
export type RegistryClaim = v.InferOutput<typeof registryClaimSchema>;

export const registryShopSchema = v.strictObject({
  marketplace: v.picklist(marketplaces),
  shopUrl: v.string(),
  commune: v.string(),
  district: v.string(),
  claims: v.array(registryClaimSchema),
});
export type RegistryShop = v.InferOutput<typeof registryShopSchema>;

export const registrySchema = v.strictObject({ shops: v.array(registryShopSchema) });
export type Registry = v.InferOutput<typeof registrySchema>;
