import type { MemoryData, ScriptDefinition, ScriptReply } from '../stores/stores.types.js';

/**
 * The Redis side of the limits store. Every script takes KEYS[1] = the "counters restored" flag and
 * answers `not_ready` without it, so counters lost with Redis are rebuilt from SQL before anything
 * reads or changes them (docs/adr/limit-counters.md).
 * consume/release: KEYS[2] the attempt marker, KEYS[3..] the counters; ARGV[1] the marker TTL in
 * ms, then per counter `amount`, `cap` (-1: none), `ttlMs` (0: none).
 * Each script has a TypeScript twin with the same semantics for the in-process store.
 */

const CONSUME_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not_ready'} end
local state = redis.call('GET', KEYS[2])
if state then return {'duplicate', state} end
for i = 3, #KEYS do
  local base = (i - 3) * 3 + 1
  local amount = tonumber(ARGV[base + 1])
  local cap = tonumber(ARGV[base + 2])
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if cap >= 0 and used + amount > cap then return {'rejected', KEYS[i]} end
end
for i = 3, #KEYS do
  local base = (i - 3) * 3 + 1
  redis.call('INCRBY', KEYS[i], ARGV[base + 1])
  local ttl = tonumber(ARGV[base + 3])
  if ttl > 0 and redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ttl) end
end
redis.call('SET', KEYS[2], 'consumed', 'PX', ARGV[1])
return {'consumed'}
`;

const RELEASE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not_ready'} end
local state = redis.call('GET', KEYS[2])
if state ~= 'consumed' then return {'noop'} end
for i = 3, #KEYS do
  local base = (i - 3) * 3 + 1
  local left = redis.call('DECRBY', KEYS[i], ARGV[base + 1])
  if left < 0 then redis.call('SET', KEYS[i], '0', 'KEEPTTL') end
end
redis.call('SET', KEYS[2], 'released', 'PX', ARGV[1])
return {'released'}
`;

const READ_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not_ready'} end
local out = {'ok'}
for i = 2, #KEYS do out[i] = redis.call('GET', KEYS[i]) or '0' end
return out
`;

/** KEYS: counters then markers; ARGV[1] = number of counters, ARGV[2] = marker TTL, then counter values. */
const RESTORE_LUA = `
local counters = tonumber(ARGV[1])
for i = 1, counters do redis.call('SET', KEYS[i], ARGV[i + 2]) end
for i = counters + 1, #KEYS do redis.call('SET', KEYS[i], 'consumed', 'PX', ARGV[2]) end
return #KEYS
`;

function entryArgs(args: string[], index: number): { amount: number; cap: number; ttl: number } {
  const base = index * 3 + 1;
  return { amount: Number(args[base]), cap: Number(args[base + 1]), ttl: Number(args[base + 2]) };
}

function consumeLocal(data: MemoryData, keys: string[], args: string[]): ScriptReply {
  const [ready, marker, ...counters] = keys;
  if (ready === undefined || marker === undefined || !data.exists(ready)) return ['not_ready'];
  const state = data.get(marker);
  if (state !== null) return ['duplicate', state];
  for (const [i, key] of counters.entries()) {
    const { amount, cap } = entryArgs(args, i);
    if (cap >= 0 && Number(data.get(key) ?? '0') + amount > cap) return ['rejected', key];
  }
  for (const [i, key] of counters.entries()) {
    const { amount, ttl } = entryArgs(args, i);
    data.incrBy(key, amount);
    if (ttl > 0 && data.pttl(key) < 0) data.pexpire(key, ttl);
  }
  data.set(marker, 'consumed', Number(args[0]));
  return ['consumed'];
}

function releaseLocal(data: MemoryData, keys: string[], args: string[]): ScriptReply {
  const [ready, marker, ...counters] = keys;
  if (ready === undefined || marker === undefined || !data.exists(ready)) return ['not_ready'];
  if (data.get(marker) !== 'consumed') return ['noop'];
  for (const [i, key] of counters.entries()) {
    const left = data.incrBy(key, -entryArgs(args, i).amount);
    if (left < 0) data.incrBy(key, -left);
  }
  data.set(marker, 'released', Number(args[0]));
  return ['released'];
}

function readLocal(data: MemoryData, keys: string[]): ScriptReply {
  const [ready, ...counters] = keys;
  if (ready === undefined || !data.exists(ready)) return ['not_ready'];
  return ['ok', ...counters.map((key) => data.get(key) ?? '0')];
}

function restoreLocal(data: MemoryData, keys: string[], args: string[]): ScriptReply {
  const counters = Number(args[0]);
  keys.forEach((key, i) => {
    if (i < counters) data.set(key, args[i + 2] ?? '0');
    else data.set(key, 'consumed', Number(args[1]));
  });
  return keys.length;
}

export const LIMITS_CONSUME: ScriptDefinition = { name: 'limits_consume', lua: CONSUME_LUA, local: consumeLocal };
export const LIMITS_RELEASE: ScriptDefinition = { name: 'limits_release', lua: RELEASE_LUA, local: releaseLocal };
export const LIMITS_READ: ScriptDefinition = { name: 'limits_read', lua: READ_LUA, local: readLocal };
export const LIMITS_RESTORE: ScriptDefinition = { name: 'limits_restore', lua: RESTORE_LUA, local: restoreLocal };
