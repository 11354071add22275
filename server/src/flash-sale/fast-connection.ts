import type { IncomingHttpHeaders, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FlashReply } from './flash-outcome.js';
import { httpReply } from './http-reply.js';
import { scanRequest, type ScanLimits, type ScannedRequest } from './request-scan.js';
import { apiKeyFrom, MAX_RESERVE_BODY, type ReservationRoute } from './reservation-route.js';

type ConnectionListener = (this: Server, socket: Socket) => void;

/** What the per-IP limit needs of a request (proxy-addr reads these two). */
export interface ClientOf {
  headers: IncomingHttpHeaders;
  socket: Socket;
}

/** A response in the connection's order; `reply` is null until it is known. */
interface Slot {
  reply: FlashReply | null;
  /** The request asked to close the connection after it. */
  close: boolean;
}

const MAX_HEAD = 8192;
/** Unanswered pipelined requests a connection may have before the reader stops reading from it. */
const MAX_QUEUED = 64;

/**
 * Reads reservation requests straight off the server's connections, before node:http parses them,
 * and writes their responses whole: no IncomingMessage, ServerResponse or stream machinery per
 * request (docs/adr/flash-sale-hot-path.md, "session 5"). A connection stays here while it sends
 * complete reservation requests in the plain form `scanRequest` accepts; at the first request that
 * is anything else (another route, a split or unusual request) the reader waits for its own replies
 * to be written, then gives the connection, with the unread bytes, to node:http for good, so every
 * other route, upgrade, timeout and error is node:http's as before.
 */
export function installFastConnections(server: Server, route: ReservationRoute, clientIp: (client: ClientOf) => string): void {
  let httpListeners: ConnectionListener[] = [];
  /** The connections read here, with their unanswered requests (none: idle). */
  const open = new Map<Socket, readonly Slot[]>();
  const scanLimits: ScanLimits = { maxHead: MAX_HEAD, maxBody: MAX_RESERVE_BODY, target: (method, url) => route.match(method, url) };

  function serve(socket: Socket): void {
    const slots: Slot[] = [];
    let handingOff = false;
    let clientEnded = false;
    /** The client sent `Connection: close`: nothing after that request is read, as node:http does. */
    let lastRequest = false;
    /** A reply closed the connection: nothing more is written. */
    let finished = false;
    open.set(socket, slots);

    const replyTo = (scan: ScannedRequest, chunk: Buffer): FlashReply | Promise<FlashReply> => {
      const limited = route.limitClient(() => clientIp({ headers: scan.forwardedFor === undefined ? {} : { 'x-forwarded-for': scan.forwardedFor }, socket }));
      if (limited) return limited;
      return route.answer({ campaignId: scan.target, apiKey: apiKeyFrom(scan.xApiKey, scan.authorization), body: chunk.toString('utf8', scan.bodyStart, scan.end) });
    };

    const flush = (): void => {
      if (socket.destroyed || finished) return;
      let corked = false;
      while (slots.length > 0 && (slots[0] as Slot).reply !== null) {
        const slot = slots.shift() as Slot;
        // A server that stopped listening is shutting down: the last reply queued closes the connection.
        const close = slot.close || (slots.length === 0 && !handingOff && !server.listening);
        if (!corked) socket.cork();
        corked = true;
        socket.write(httpReply(slot.reply as FlashReply, { close, keepAliveMs: server.keepAliveTimeout }));
        if (close) {
          finished = true;
          socket.uncork();
          socket.destroySoon();
          return;
        }
      }
      if (corked) socket.uncork();
      // Idle between requests is timed from the first reply on; before it, as on node:http, it is not.
      if (socket.timeout === undefined && server.keepAliveTimeout > 0) socket.setTimeout(server.keepAliveTimeout);
      if (slots.length > 0) return resumeIfRoom();
      if (handingOff) handOff();
      else if (clientEnded) socket.end();
      else resumeIfRoom();
    };
    // A client that pipelines faster than it reads its answers is read no further until it catches up
    // (checked after each read, so a read's worth of requests may queue beyond MAX_QUEUED).
    const full = (): boolean => slots.length >= MAX_QUEUED || socket.writableNeedDrain;
    const resumeIfRoom = (): void => {
      if (socket.isPaused() && !handingOff && !finished && !full()) socket.resume();
    };

    const answer = (scan: ScannedRequest, chunk: Buffer): void => {
      const slot: Slot = { reply: null, close: scan.close };
      slots.push(slot);
      const fill = (reply: FlashReply): void => {
        slot.reply = reply;
        flush();
      };
      const reply = replyTo(scan, chunk);
      if (reply instanceof Promise) void reply.then(fill);
      else fill(reply);
    };

    const onData = (chunk: Buffer): void => {
      let offset = 0;
      while (offset < chunk.length && !lastRequest && !finished) {
        const scan = scanRequest(chunk, offset, scanLimits);
        if (scan.kind !== 'request') {
          // The unread bytes go back into the stream at once, so a FIN behind them waits for node:http.
          socket.pause();
          if (offset < chunk.length) socket.unshift(chunk.subarray(offset));
          handingOff = true;
          if (slots.length === 0) handOff();
          return;
        }
        offset = scan.end;
        lastRequest = scan.close;
        answer(scan, chunk);
      }
      if (full()) socket.pause();
    };
    const onEnd = (): void => {
      clientEnded = true;
      if (slots.length === 0) socket.end();
    };
    const onTimeout = (): void => {
      if (slots.length === 0) socket.destroy();
    };
    const onError = (): void => void socket.destroy();
    const onClose = (): void => void open.delete(socket);
    const onDrain = (): void => resumeIfRoom();

    const handOff = (): void => {
      socket.off('data', onData).off('end', onEnd).off('timeout', onTimeout).off('error', onError).off('close', onClose).off('drain', onDrain);
      socket.setTimeout(0);
      open.delete(socket);
      for (const listener of httpListeners) listener.call(server, socket);
      socket.resume();
    };

    socket.on('data', onData).on('end', onEnd).on('timeout', onTimeout).on('error', onError).on('close', onClose).on('drain', onDrain);
  }

  // A server that limits requests per socket counts them in node:http: its connections all go there.
  const accept: ConnectionListener = (socket) => {
    if (server.maxRequestsPerSocket) for (const listener of httpListeners) listener.call(server, socket);
    else serve(socket);
  };
  // Placed when the server starts listening, after whatever else listens for connections.
  server.on('listening', () => {
    const listeners = server.listeners('connection') as ConnectionListener[];
    if (listeners.length === 1 && listeners[0] === accept) return;
    httpListeners = listeners.filter((l) => l !== accept);
    server.removeAllListeners('connection');
    server.on('connection', accept);
  });
  // node:http closes its idle connections when the server closes, and all of them on request; the
  // connections still read here are closed alongside (idle ones at once, busy ones after their reply).
  const closeIdle = server.closeIdleConnections.bind(server);
  const closeAll = server.closeAllConnections.bind(server);
  server.closeIdleConnections = () => {
    closeIdle();
    for (const [socket, unanswered] of open) if (unanswered.length === 0) socket.destroy();
  };
  server.closeAllConnections = () => {
    closeAll();
    for (const socket of open.keys()) socket.destroy();
  };
}
