import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFromPin, legacyPinIterations, newSalt, pinIterations, seal, sha256Hex, unseal } from './pin-crypto';

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

  it('derives new keys at OWASP\'s 600.000 iterations and still opens what a 310.000-iteration key sealed', async () => {
    expect(pinIterations).toBe(600_000);
    const salt = newSalt();
    // The key as Node derives it at 600.000 iterations opens what the tablet sealed with its default key.
    const sealed = await seal(await keyFromPin('246810', salt), 'nongsan-so');
    const raw = await crypto.subtle.importKey('raw', new TextEncoder().encode('246810'), 'PBKDF2', false, ['deriveKey']);
    const at = (iterations: number) => crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, raw, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    expect(await unseal(await at(600_000), sealed)).toBe('nongsan-so');
    await expect(unseal(await at(310_000), sealed)).rejects.toThrow();
    const old = await seal(await keyFromPin('246810', salt, legacyPinIterations), 'nongsan-so');
    expect(await unseal(await at(310_000), old)).toBe('nongsan-so');
  });

  it('hashes identity keys as the collector does (SHA-256 hex)', async () => {
    expect(await sha256Hex('phone:0912345678')).toBe(createHash('sha256').update('phone:0912345678').digest('hex'));
  });
});
