/*
 * Alertmanager's fingerprint of a label set (prometheus/common model.LabelSet.Fingerprint):
 * FNV-1a 64 over the label names in sorted order, each name and value followed by the byte 255,
 * printed as 16 hex digits. Lets ALERTS series from Prometheus be matched to Alertmanager's alerts.
 */

const OFFSET = 14695981039346656037n;
const PRIME = 1099511628211n;
const MASK = (1n << 64n) - 1n;
const SEPARATOR = 255;
const encoder = new TextEncoder();

function addBytes(hash: bigint, bytes: Uint8Array): bigint {
  let sum = hash;
  for (const byte of bytes) sum = ((sum ^ BigInt(byte)) * PRIME) & MASK;
  return sum;
}

function addByte(hash: bigint, byte: number): bigint {
  return ((hash ^ BigInt(byte)) * PRIME) & MASK;
}

export function alertFingerprint(labels: Record<string, string>): string {
  const names = Object.keys(labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let hash = OFFSET;
  for (const name of names) {
    hash = addByte(addBytes(hash, encoder.encode(name)), SEPARATOR);
    hash = addByte(addBytes(hash, encoder.encode(labels[name] ?? "")), SEPARATOR);
  }
  return hash.toString(16).padStart(16, "0");
}
