import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiver checks a webhook came from Vigie: `X-Vigie-Signature: sha256=<hex>`, the HMAC-SHA256 with the
 * webhook's secret of `<X-Vigie-Timestamp>.<raw body>`. The timestamp (Unix seconds) lets a receiver refuse
 * replays; it is signed with the body.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's side of `signWebhook`, in constant time. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
