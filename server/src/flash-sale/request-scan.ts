/** A complete request the connection reader may answer itself. Offsets are into the scanned buffer. */
export interface ScannedRequest {
  kind: 'request';
  /** What `ScanLimits.target` answered for the method and target. */
  target: string;
  xApiKey: string | undefined;
  authorization: string | undefined;
  forwardedFor: string | undefined;
  /** The client asked to close the connection after this request. */
  close: boolean;
  bodyStart: number;
  /** Where the next request starts. */
  end: number;
}

/**
 * `other`: not a request this reader answers, or not in the plain form it accepts; node:http parses
 * it (from `start`) and answers it, errors included. `incomplete`: not all of it has arrived.
 */
export type RequestScan = ScannedRequest | { kind: 'other' } | { kind: 'incomplete' };

const OTHER = { kind: 'other' } as const;
const INCOMPLETE = { kind: 'incomplete' } as const;
const HEAD_END = Buffer.from('\r\n\r\n');
/** Origin-form target of visible ASCII, HTTP/1.1 only. */
const REQUEST_LINE = /^([A-Z]{1,16}) (\/[!-~]*) HTTP\/1\.1$/;
/** token ":" OWS field-value, with field-value of HTAB, visible ASCII and obs-text only. */
const FIELD = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\t\x20-\x7e\x80-\xff]*?)[ \t]*$/;
/** Content-Length as its whole raw value: digits after optional spaces, nothing after them (llhttp refuses a trailing tab). */
const LENGTH_VALUE = /^ *(\d{1,6})$/;

export interface ScanLimits {
  /** Largest head (request line and fields) read here; longer ones go to node:http. */
  maxHead: number;
  /** Largest body read here; longer ones go to node:http (which refuses them as its route does). */
  maxBody: number;
  /** What this method and target are to the reader (a campaign id), or undefined when it does not answer them. */
  target(method: string, url: string): string | undefined;
}

function hasCloseToken(value: string): boolean | 'upgrade' {
  let close = false;
  for (const part of value.toLowerCase().split(',')) {
    const token = part.replace(/^[ \t]+|[ \t]+$/g, '');
    if (token === 'upgrade') return 'upgrade';
    if (token === 'close') close = true;
  }
  return close;
}

/**
 * Recognises one request at `start` of `buf`: a recogniser, not a parser. It accepts only the plain
 * form (HTTP/1.1, origin-form target, one Host, at most one Content-Length of digits, no
 * Transfer-Encoding, Expect, Upgrade or Proxy-Connection, no repeated credential or forwarding fields, no obs-fold,
 * CRLF line ends) and answers `other` for anything else, so node:http (llhttp, strict mode) parses
 * every request this reader is unsure of — a request's end is never judged differently by the two.
 */
export function scanRequest(buf: Buffer, start: number, limits: ScanLimits): RequestScan {
  const headEnd = buf.indexOf(HEAD_END, start);
  if (headEnd < 0) return buf.length - start > limits.maxHead ? OTHER : INCOMPLETE;
  if (headEnd - start > limits.maxHead) return OTHER;
  const lines = buf.toString('latin1', start, headEnd).split('\r\n');
  const requestLine = REQUEST_LINE.exec(lines[0] ?? '');
  if (!requestLine) return OTHER;
  const target = limits.target(requestLine[1] as string, requestLine[2] as string);
  if (target === undefined) return OTHER;

  let host = false;
  let length: number | undefined;
  let xApiKey: string | undefined;
  let authorization: string | undefined;
  let forwardedFor: string | undefined;
  let close = false;
  for (let i = 1; i < lines.length; i++) {
    const field = FIELD.exec(lines[i] as string);
    if (!field) return OTHER;
    const value = field[2] as string;
    switch ((field[1] as string).toLowerCase()) {
      case 'host':
        if (host) return OTHER;
        host = true;
        break;
      case 'content-length': {
        const raw = LENGTH_VALUE.exec((lines[i] as string).slice('content-length:'.length));
        if (length !== undefined || !raw) return OTHER;
        length = Number(raw[1]);
        break;
      }
      case 'proxy-connection':
      case 'transfer-encoding':
      case 'expect':
      case 'upgrade':
        return OTHER;
      case 'connection': {
        const token = hasCloseToken(value);
        if (token === 'upgrade') return OTHER;
        close ||= token;
        break;
      }
      case 'x-api-key':
        if (xApiKey !== undefined) return OTHER;
        xApiKey = value;
        break;
      case 'authorization':
        if (authorization !== undefined) return OTHER;
        authorization = value;
        break;
      case 'x-forwarded-for':
        if (forwardedFor !== undefined) return OTHER;
        forwardedFor = value;
        break;
    }
  }
  if (!host) return OTHER;
  const bodyLength = length ?? 0;
  if (bodyLength > limits.maxBody) return OTHER;
  const bodyStart = headEnd + HEAD_END.length;
  const end = bodyStart + bodyLength;
  if (end > buf.length) return INCOMPLETE;
  return { kind: 'request', target, xApiKey, authorization, forwardedFor, close, bodyStart, end };
}
