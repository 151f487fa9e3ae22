import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  readonly cert: string;
  readonly key: string;
  /** SHA-256 of the DER certificate, colon-separated hex: what colleagues confirm once. */
  readonly fingerprint: string;
  /** DNS names and IP addresses the certificate is valid for. */
  readonly names: readonly string[];
}

/** The DNS names and IP addresses in a certificate's subjectAltName. */
export function certificateNames(pem: string): string[] {
  const alt = new X509Certificate(pem).subjectAltName ?? '';
  return alt
    .split(',')
    .map((entry) => entry.trim())
    .flatMap((entry) => {
      const [kind, value] = entry.split(':', 2) as [string, string | undefined];
      if (kind === 'DNS' && value) return [value.toLowerCase()];
      if (kind === 'IP Address') return [entry.slice('IP Address:'.length)];
      return [];
    });
}

export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** This computer's own addresses (loopback included): colleagues may join by any of them. */
export function hostAddresses(): string[] {
  const found = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces()))
    for (const address of list ?? []) found.add(address.address.split('%')[0]!);
  return [...found];
}

function fromFiles(cert: string, key: string): ServerCertificate {
  return { cert, key, fingerprint: fingerprintOf(cert), names: certificateNames(cert) };
}

/** A certificate given by the administrator (their organisation's CA, or one they made). */
export function readCertificate(certFile: string, keyFile: string): ServerCertificate {
  return fromFiles(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'));
}

/**
 * The team server's own certificate in `<dataDir>/tls`, created on first start for the given
 * names and this computer's addresses and kept afterwards, so colleagues confirm its fingerprint
 * once. It is made again only when asked for a name it does not cover (the fingerprint then
 * changes, and joined desktops are told so).
 */
export async function loadOrCreateCertificate(
  dataDir: string,
  names: readonly string[],
): Promise<ServerCertificate & { readonly created: boolean }> {
  const dir = join(dataDir, 'tls');
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  const wanted = [
    ...new Set([...names.map((n) => n.toLowerCase()), 'localhost', ...hostAddresses()]),
  ];
  if (existsSync(certFile) && existsSync(keyFile)) {
    const kept = fromFiles(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'));
    const expires = Date.parse(new X509Certificate(kept.cert).validTo);
    const covers = names.every((name) => kept.names.includes(name.toLowerCase()));
    if (covers && expires > Date.now() + 30 * 86_400_000) return { ...kept, created: false };
  }
  const made = await generate([{ name: 'commonName', value: names[0] ?? 'greenroom' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // 825 days: the longest validity Apple's and browsers' rules accept for a server certificate.
    notAfterDate: new Date(Date.now() + 825 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: wanted.map((name) =>
          isIP(name) ? { type: 7, ip: name } : { type: 2, value: name },
        ),
      },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, made.private, { mode: 0o600 });
  writeFileSync(certFile, made.cert, { mode: 0o644 });
  return { ...fromFiles(made.cert, made.private), created: true };
}
