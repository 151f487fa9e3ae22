import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  verifyPassword,
} from '../../src/main/services/workspace/accounts/passwords';

describe('password hashing', () => {
  it('uses at least OWASP’s scrypt parameters by default', () => {
    expect(DEFAULT_SCRYPT.logN).toBeGreaterThanOrEqual(17);
    expect(DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(8);
  });

  it('hashes with the default cost under Node’s memory limits', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
  });

  it('salts every hash and rejects the wrong password', async () => {
    const cost = { logN: 10, r: 8, p: 1 };
    const [a, b] = await Promise.all([
      hashPassword('same password', cost),
      hashPassword('same password', cost),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('other password', a)).toBe(false);
    expect(await verifyPassword('same password', 'garbage')).toBe(false);
  });

  it('treats compatibility forms of a password alike (NFKC)', async () => {
    const hash = await hashPassword('ｐａｓｓｗｏｒｄ１２３', { logN: 10, r: 8, p: 1 });
    expect(await verifyPassword('password123', hash)).toBe(true);
  });
});
