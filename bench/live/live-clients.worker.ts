// One pool of war-room clients for `pnpm bench:live`, in its own worker thread so the clients do
// not share the server's event loop. Each client subscribes to the theme and notes, for every
// order count it sees, when it first saw it; the main thread later says when each order was sent.
import { parentPort, workerData } from 'node:worker_threads';
import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@promo/shared';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';

const Data = z.object({ url: z.string(), token: z.string(), themeId: z.string(), clients: z.number().int().positive(), maxOrders: z.number().int().positive() });
const Message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), baseline: z.number().int() }),
  z.object({ type: z.literal('finish'), commitTimes: z.array(z.number()), timeoutMs: z.number() }),
]);

/** What a worker reports at the end (delays in ms). */
export interface WorkerReport {
  type: 'report';
  freshness: Float64Array<ArrayBuffer>;
  delivery: Float64Array<ArrayBuffer>;
  missing: number;
}

const { url, token, themeId, clients, maxOrders } = Data.parse(workerData);
const port = parentPort!;

interface Client {
  socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents>;
  /** receipts[k]: when this client first saw the (k+1)-th order; 0 = not yet. */
  receipts: Float64Array;
  counted: number;
}

let baseline = -1;
const delivery: number[] = [];
const pool: Client[] = [];
let firstSnapshotOrders = 0;

async function connect(): Promise<Client> {
  const socket: Client['socket'] = io(`${url}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  const client: Client = { socket, receipts: new Float64Array(maxOrders), counted: 0 };
  socket.on('metrics', (snapshot) => {
    if (baseline < 0) return;
    const now = Date.now();
    delivery.push(now - snapshot.at);
    const seen = Math.min(snapshot.orders - baseline, maxOrders);
    for (let k = client.counted; k < seen; k += 1) client.receipts[k] = now;
    client.counted = Math.max(client.counted, seen);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const reply = await socket.emitWithAck('subscribe', { kind: 'theme', id: themeId });
  if (!reply.ok) throw new Error(`subscribe failed: ${reply.error.message}`);
  if (reply.data.snapshot) firstSnapshotOrders = Math.max(firstSnapshotOrders, reply.data.snapshot.orders);
  return client;
}

// Connect in small waves: a thousand simultaneous handshakes would measure the accept queue.
for (let i = 0; i < clients; i += 25) pool.push(...(await Promise.all(Array.from({ length: Math.min(25, clients - i) }, () => connect()))));
port.postMessage({ type: 'ready', orders: firstSnapshotOrders });

port.on('message', (raw: unknown) => {
  const message = Message.parse(raw);
  if (message.type === 'start') {
    baseline = message.baseline;
    return;
  }
  const target = message.commitTimes.length;
  const deadline = Date.now() + message.timeoutMs;
  const finish = () => {
    if (pool.some((c) => c.counted < target) && Date.now() < deadline) {
      setTimeout(finish, 50);
      return;
    }
    const freshness: number[] = [];
    let missing = 0;
    for (const c of pool) {
      for (let k = 0; k < target; k += 1) {
        if (c.receipts[k]! > 0) freshness.push(c.receipts[k]! - message.commitTimes[k]!);
        else missing += 1;
      }
      c.socket.disconnect();
    }
    const report: WorkerReport = { type: 'report', freshness: Float64Array.from(freshness), delivery: Float64Array.from(delivery), missing };
    port.postMessage(report, [report.freshness.buffer, report.delivery.buffer]);
  };
  finish();
});
