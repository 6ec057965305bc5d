/**
 * The certificate the dev host serves HTTPS with: the files named by DEVHOST_TLS_CERT / DEVHOST_TLS_KEY, or a
 * self-signed one created on first start under `DATA_DIR/tls/` (SANs 127.0.0.1 and localhost, valid one
 * year, reused while it has more than a day left). Clients trust it with NODE_EXTRA_CA_CERTS=<cert path>.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { generate } from 'selfsigned';

export interface TlsFiles {
  certPath: string;
  keyPath: string;
}

const dayMs = 24 * 3600 * 1000;

export async function ensureTlsCertificate(dataDir: string, named: Partial<TlsFiles>): Promise<TlsFiles> {
  if (named.certPath && named.keyPath) return { certPath: named.certPath, keyPath: named.keyPath };
  const directory = join(dataDir, 'tls');
  const files = {
    certPath: join(directory, 'devhost-cert.pem'),
    keyPath: join(directory, 'devhost-key.pem'),
  };
  if (isUsable(files)) return files;
  mkdirSync(directory, { recursive: true });
  const now = new Date();
  const generated = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - dayMs),
    notAfterDate: new Date(now.getTime() + 365 * dayMs),
    extensions: [
      // Its own CA, so NODE_EXTRA_CA_CERTS can trust it directly.
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  writeFileSync(files.keyPath, generated.private, { mode: 0o600 });
  writeFileSync(files.certPath, generated.cert);
  return files;
}

function isUsable(files: TlsFiles): boolean {
  if (!existsSync(files.certPath) || !existsSync(files.keyPath)) return false;
  try {
    const certificate = new X509Certificate(readFileSync(files.certPath));
    const sans = certificate.subjectAltName ?? '';
    return (
      Date.parse(certificate.validTo) - Date.now() > dayMs &&
      sans.includes('IP Address:127.0.0.1') &&
      sans.includes('DNS:localhost')
    );
  } catch {
    return false;
  }
}
