import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFromPin, newSalt, seal, sha256Hex, unseal } from './pin-crypto';

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

  it('hashes identity keys as the collector does (SHA-256 hex)', async () => {
    expect(await sha256Hex('phone:0912345678')).toBe(createHash('sha256').update('phone:0912345678').digest('hex'));
  });
});
