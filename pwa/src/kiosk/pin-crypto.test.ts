import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex, keyFromPin, legacyPinIterations, newOfficerKeys, newSalt, openOfficerKeys, pinIterations, resealOfficerKeys, seal, sha256Hex, unseal } from './pin-crypto';

describe('personal data sealed with the PIN', () => {
  it('opens with the same PIN and salt, and not with another PIN', async () => {
    const salt = newSalt();
    const key = await keyFromPin('246810', salt);
    const sealed = await seal(key, { phone: '0912345678', idNumber: '020190001234' });
    expect(new TextDecoder().decode(sealed.data)).not.toContain('0912345678');
    expect(await unseal(await keyFromPin('246810', salt), sealed)).toEqual({ phone: '0912345678', idNumber: '020190001234' });
    await expect(unseal(await keyFromPin('246811', salt), sealed)).rejects.toThrow();
    await expect(unseal(await keyFromPin('246810', newSalt()), sealed)).rejects.toThrow();
  });

  it("derives new keys at 1.000.000 iterations and still opens what version 1's 310.000-iteration key sealed", async () => {
    expect(pinIterations).toBe(1_000_000);
    const salt = newSalt();
    const sealed = await seal(await keyFromPin('246810', salt), 'nongsan-so');
    const raw = await crypto.subtle.importKey('raw', new TextEncoder().encode('246810'), 'PBKDF2', false, ['deriveKey']);
    const at = (iterations: number) => crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, raw, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    expect(await unseal(await at(1_000_000), sealed)).toBe('nongsan-so');
    await expect(unseal(await at(600_000), sealed)).rejects.toThrow();
    const old = await seal(await keyFromPin('246810', salt, legacyPinIterations), 'nongsan-so');
    expect(await unseal(await at(310_000), old)).toBe('nongsan-so');
  });

  it("seals an officer's keys: the right secret opens them, another does not, and re-sealing keeps the same keys", async () => {
    const salt = newSalt();
    const { keys, sealed } = await newOfficerKeys(await keyFromPin('246810', salt));
    const box = await seal(keys.data, 'Hoàng Văn Thụ');
    await expect(openOfficerKeys(await keyFromPin('246811', salt), sealed)).rejects.toThrow();
    const passphraseKey = await keyFromPin('mây trắng suối đá', salt);
    const resealed = await resealOfficerKeys(await keyFromPin('246810', salt), sealed, passphraseKey);
    const reopened = await openOfficerKeys(passphraseKey, resealed);
    expect(await unseal(reopened.data, box)).toBe('Hoàng Văn Thụ');
    // The index key survives re-sealing: the same input gives the same index, another input another.
    expect(await blindIndex(reopened, 'abc')).toBe(await blindIndex(keys, 'abc'));
    expect(await blindIndex(reopened, 'abc')).not.toBe(await blindIndex(reopened, 'abd'));
    expect(await blindIndex(keys, 'abc')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes identity keys as the collector does (SHA-256 hex)', async () => {
    expect(await sha256Hex('phone:0912345678')).toBe(createHash('sha256').update('phone:0912345678').digest('hex'));
  });
});
