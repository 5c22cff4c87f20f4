import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marketplaceHosts } from '../../lib/marketplaces/hosts';

/**
 * A throwaway self-signed certificate for the marketplace host names, made with Debian's `openssl` when a test
 * process first needs one and never written anywhere but a temporary folder (removed at once): the extension reads
 * `https://` pages only, so the fixture marketplace pages are served over TLS. Valid one day; no key is committed.
 * `spki` is the base64 SHA-256 of its public key, for Chromium's `--ignore-certificate-errors-spki-list`, which
 * trusts this one key and nothing else.
 */
export interface TestCertificate {
  key: string;
  cert: string;
  spki: string;
}

let made: TestCertificate | undefined;

export function testCertificate(): TestCertificate {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), 'nongsan-so-tls-'));
  try {
    const san = Object.keys(marketplaceHosts).map((h) => `DNS:${h}`).join(',');
    const openssl = spawnSync('openssl', ['version']);
    if (openssl.error) throw new Error('Cần openssl để tạo chứng chỉ thử cho các trang sàn (https://). Chạy với quyền root: apt-get install -y openssl');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=nongsan-so test marketplaces',
        '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    made = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert, spki: createHash('sha256').update(der).digest('base64') };
    return made;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
