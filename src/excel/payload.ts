/**
 * Payload sizes of Excel requests. Excel on the web refuses a request or a response over 5 MB
 * (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`); the adapter keeps every
 * request under `REQUEST_BUDGET_BYTES`, measured as Office.js serializes it, and splits and retries
 * when Excel refuses one anyway.
 */

/** Excel on the web's limit for one request and for one response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * What the adapter lets one request grow to: 2 MB of UTF-8, so that even counted as UTF-16 (two
 * bytes a character) and with the steps queued between two measurements it stays under the limit.
 */
export const REQUEST_BUDGET_BYTES = 2_000_000;

/** UTF-8 length of a string, without allocating. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const encoder = new TextEncoder();

/**
 * UTF-8 length of JSON text. JSON.stringify escapes lone surrogates, so the text is well-formed
 * and the platform's encoder counts it exactly, far faster than a loop over megabytes of requests.
 */
export function jsonTextBytes(json: string): number {
  return encoder.encode(json).length;
}

/** UTF-8 bytes of a value as JSON (0 for `undefined`). */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const text = JSON.stringify(value);
  return text === undefined ? 0 : jsonTextBytes(text);
}

/** Excel's codes for a refused payload: the request ran nothing and may be sent again in parts. */
export function isPayloadLimitError(error: unknown): 'request' | 'response' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'RequestPayloadSizeLimitExceeded') return 'request';
  if (code === 'ResponsePayloadSizeLimitExceeded') return 'response';
  return null;
}
