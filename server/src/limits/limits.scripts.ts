import type { MemoryData, ScriptDefinition, ScriptReply } from '../stores/stores.types.js';

/**
 * The Redis side of the limits store: one script checks every ceiling of a plan and applies all or
 * nothing, and remembers the order id. KEYS[1] is the order marker, KEYS[2..] the counters;
 * ARGV[1] the marker's TTL in ms, then per counter `amount`, `cap` (-1: none), `ttlMs` (0: none).
 * Each script has a TypeScript twin with the same semantics for the in-process store.
 */

const CONSUME_LUA = `
local state = redis.call('GET', KEYS[1])
if state then return {'duplicate', state} end
for i = 2, #KEYS do
  local base = (i - 2) * 3 + 1
  local amount = tonumber(ARGV[base + 1])
  local cap = tonumber(ARGV[base + 2])
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if cap >= 0 and used + amount > cap then return {'rejected', KEYS[i]} end
end
for i = 2, #KEYS do
  local base = (i - 2) * 3 + 1
  redis.call('INCRBY', KEYS[i], ARGV[base + 1])
  local ttl = tonumber(ARGV[base + 3])
  if ttl > 0 and redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ttl) end
end
redis.call('SET', KEYS[1], 'consumed', 'PX', ARGV[1])
return {'consumed'}
`;

const RELEASE_LUA = `
local state = redis.call('GET', KEYS[1])
if state ~= 'consumed' then return {'noop'} end
for i = 2, #KEYS do
  local base = (i - 2) * 3 + 1
  local left = redis.call('DECRBY', KEYS[i], ARGV[base + 1])
  if left < 0 then redis.call('SET', KEYS[i], '0', 'KEEPTTL') end
end
redis.call('SET', KEYS[1], 'released', 'PX', ARGV[1])
return {'released'}
`;

const READ_LUA = `
local out = {}
for i = 1, #KEYS do out[i] = redis.call('GET', KEYS[i]) or '0' end
return out
`;

function entryArgs(args: string[], index: number): { amount: number; cap: number; ttl: number } {
  const base = index * 3 + 1;
  return { amount: Number(args[base]), cap: Number(args[base + 1]), ttl: Number(args[base + 2]) };
}

function consumeLocal(data: MemoryData, keys: string[], args: string[]): ScriptReply {
  const [marker, ...counters] = keys;
  if (marker === undefined) return ['rejected', ''];
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
  const [marker, ...counters] = keys;
  if (marker === undefined || data.get(marker) !== 'consumed') return ['noop'];
  for (const [i, key] of counters.entries()) {
    const left = data.incrBy(key, -entryArgs(args, i).amount);
    if (left < 0) data.incrBy(key, -left);
  }
  data.set(marker, 'released', Number(args[0]));
  return ['released'];
}

export const LIMITS_CONSUME: ScriptDefinition = { name: 'limits_consume', lua: CONSUME_LUA, local: consumeLocal };
export const LIMITS_RELEASE: ScriptDefinition = { name: 'limits_release', lua: RELEASE_LUA, local: releaseLocal };
export const LIMITS_READ: ScriptDefinition = {
  name: 'limits_read',
  lua: READ_LUA,
  local: (data, keys) => keys.map((key) => data.get(key) ?? '0'),
};
