import { STATUS_CODES } from 'node:http';
import type { FlashReply } from './flash-outcome.js';

/** The fields every flash reply carries besides its length, as name/value pairs (node:http's writeHead takes this flat list). */
export const JSON_REPLY_FIELDS = ['content-type', 'application/json; charset=utf-8', 'cache-control', 'no-store', 'x-content-type-options', 'nosniff'] as const;
const FIXED_FIELDS = JSON_REPLY_FIELDS.reduce((text, part, i) => text + (i % 2 === 0 ? part + ': ' : part + '\r\n'), '');

let dateSecond = -1;
let dateValue = '';

/** The Date field, formatted at most once a second (as node:http does). */
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateValue = new Date(second * 1000).toUTCString();
  }
  return dateValue;
}

/**
 * A whole HTTP/1.1 response for `reply`, with the fields node:http and the fast path on it send:
 * JSON body, no-store, nosniff, Content-Length, Date, Retry-After when set, and the connection's fate.
 */
export function httpReply(reply: FlashReply, connection: { close: boolean; keepAliveMs: number }): string {
  const body = JSON.stringify(reply.body);
  let head =
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Unknown'}\r\n${FIXED_FIELDS}` +
    `content-length: ${Buffer.byteLength(body)}\r\ndate: ${httpDate()}\r\n`;
  if (reply.retryAfterSec !== undefined) head += `retry-after: ${reply.retryAfterSec}\r\n`;
  if (connection.close) head += 'connection: close\r\n';
  else head += connection.keepAliveMs > 0 ? `connection: keep-alive\r\nkeep-alive: timeout=${Math.floor(connection.keepAliveMs / 1000)}\r\n` : 'connection: keep-alive\r\n';
  return `${head}\r\n${body}`;
}
