/** A fresh CSP nonce: 128 random bits in base64, the form Next.js reads from the CSP header. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
