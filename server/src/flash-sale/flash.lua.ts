/**
 * The flash-sale scripts. All keys of one item share its hash tag (see sale-item.ts), so each
 * script runs on one Cluster slot. Records are `status|userId|qty|price|expiresAt|idemKey|orderId`.
 */

/**
 * The hot path: for each reservation attempt, in order and atomically, open check, idempotency,
 * per-user limit, stock, decrement and stream append; then the war-room counters once for the
 * batch. One attempt per call is the plain case; the store sends the attempts for one item that
 * arrive in one event-loop turn together (up to RESERVE_BATCH = 64), so Redis sets up the script once for
 * them. Redis is read and written once per batch, not per attempt: one HMGET of the batch's users and
 * one of its idempotency keys before the loop, Lua tables in front of them while it runs (so a later
 * attempt sees an earlier one's hold and key), then one HSET per hash, one ZADD, one SET of the stock
 * and one XADD of the batch's reservations (`b` = lines of `type|at|token|record`: one entry for the
 * persister to read and ack). The other scripts log one event per entry, `e` = `type|at|token|record`
 * (type r/c/x).
 * KEYS: state stock users idem res exp stream live   ARGV: (userId qty idemKey token now)...
 * → {price, ttl, reply per attempt...}: a new reservation is just its stockLeft (an integer ≥ 0;
 *   the caller knows the rest of its record: its own attempt, price and now + ttl), -1 sold out,
 *   -2 closed, or {'dup', token, record} | {'user_limit', held} | {'short', stockLeft}. Integers
 *   cost Redis and the client far less than a record string per attempt.
 */
export const RESERVE_LUA = `
local st = redis.call('HMGET', KEYS[1], 'status', 'closesAt', 'price', 'limit', 'ttl')
local n = math.floor(#ARGV / 5)
if not st[1] or st[1] ~= 'open' then
  local out = {0, 0}
  for i = 1, n do out[i + 2] = -2 end
  return out
end
local closesAt, price, limit, ttl = tonumber(st[2]), tonumber(st[3]), tonumber(st[4]), tonumber(st[5])
local out = {price, ttl}
local users, idems = {}, {}
for i = 1, n do
  local b = (i - 1) * 5
  users[i] = ARGV[b + 1]
  idems[i] = ARGV[b + 1] .. '|' .. ARGV[b + 3]
end
local heldRead = redis.call('HMGET', KEYS[3], unpack(users))
local tokenRead = redis.call('HMGET', KEYS[4], unpack(idems))
local held, tokenOf, recOf = {}, {}, {}
local heldSet, idemSet, resSet, expAdd, lines = {}, {}, {}, {}, {}
local stock = nil
local units, orders = 0, 0
local function attempt(i, qty, idem, token, nowArg)
  local now = tonumber(nowArg)
  if now >= closesAt then return -2 end
  local user, ik = users[i], idems[i]
  local prior = tokenOf[ik] or tokenRead[i]
  if prior then return {'dup', prior, recOf[prior] or redis.call('HGET', KEYS[5], prior)} end
  local h = held[user] or tonumber(heldRead[i] or '0')
  if h + qty > limit then return {'user_limit', h} end
  if stock == nil then stock = tonumber(redis.call('GET', KEYS[2]) or '0') end
  if stock < qty then
    if stock <= 0 then return -1 end
    return {'short', stock}
  end
  stock = stock - qty
  held[user] = h + qty
  tokenOf[ik] = token
  local exp = now + ttl
  local rec = 'h|' .. user .. '|' .. qty .. '|' .. price .. '|' .. exp .. '|' .. idem .. '|'
  recOf[token] = rec
  idemSet[#idemSet + 1] = ik
  idemSet[#idemSet + 1] = token
  resSet[#resSet + 1] = token
  resSet[#resSet + 1] = rec
  expAdd[#expAdd + 1] = exp
  expAdd[#expAdd + 1] = token
  lines[#lines + 1] = 'r|' .. nowArg .. '|' .. token .. '|' .. rec
  units = units + qty
  orders = orders + 1
  return stock
end
for i = 1, n do
  local b = (i - 1) * 5
  out[i + 2] = attempt(i, tonumber(ARGV[b + 2]), ARGV[b + 3], ARGV[b + 4], ARGV[b + 5])
end
if orders > 0 then
  for user, h in pairs(held) do
    heldSet[#heldSet + 1] = user
    heldSet[#heldSet + 1] = h
  end
  redis.call('HSET', KEYS[3], unpack(heldSet))
  redis.call('HSET', KEYS[4], unpack(idemSet))
  redis.call('HSET', KEYS[5], unpack(resSet))
  redis.call('ZADD', KEYS[6], unpack(expAdd))
  redis.call('SET', KEYS[2], stock)
  redis.call('XADD', KEYS[7], '*', 'b', table.concat(lines, '\\n'))
  if redis.call('HINCRBY', KEYS[8], 'o', orders) == orders then redis.call('EXPIRE', KEYS[8], 3600) end
  redis.call('HINCRBY', KEYS[8], 'u', units)
  redis.call('HINCRBY', KEYS[8], 'g', units * price)
end
return out
`;

const SPLIT = `
local function split(rec)
  local f = {}
  for part in string.gmatch(rec .. '|', '([^|]*)|') do f[#f + 1] = part end
  return f
end
local function join(f) return table.concat(f, '|', 1, 7) end
`;

/**
 * Held → confirmed, idempotent per order id. A reservation past its expiry cannot be confirmed
 * even before the sweeper ran: confirm and expiry are ordered by the same atomic scripts.
 * KEYS: res exp stream   ARGV: token orderId now
 */
export const CONFIRM_LUA = `${SPLIT}
local rec = redis.call('HGET', KEYS[1], ARGV[1])
if not rec then return {'not_found'} end
local f = split(rec)
if f[1] == 'c' then
  if f[7] == ARGV[2] then return {'dup', rec} end
  return {'conflict', rec}
end
if f[1] == 'x' or tonumber(ARGV[3]) >= tonumber(f[5]) then return {'expired', rec} end
f[1] = 'c'
f[7] = ARGV[2]
rec = join(f)
redis.call('HSET', KEYS[1], ARGV[1], rec)
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('XADD', KEYS[3], '*', 'e', 'c|' .. ARGV[3] .. '|' .. ARGV[1] .. '|' .. rec)
return {'ok', rec}
`;

/**
 * Expires due held reservations and gives their stock back, each exactly once (a confirmed or
 * already expired one is only dropped from the expiry set).
 * KEYS: state stock users res exp stream   ARGV: now limit   → {stockLeft, token, rec, ...}
 */
export const SWEEP_LUA = `${SPLIT}
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
local due = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {0}
for _, token in ipairs(due) do
  local rec = redis.call('HGET', KEYS[4], token)
  if rec then
    local f = split(rec)
    if f[1] == 'h' then
      f[1] = 'x'
      rec = join(f)
      redis.call('HSET', KEYS[4], token, rec)
      redis.call('INCRBY', KEYS[2], tonumber(f[3]))
      redis.call('HINCRBY', KEYS[3], f[2], -tonumber(f[3]))
      redis.call('XADD', KEYS[6], '*', 'e', 'x|' .. ARGV[1] .. '|' .. token .. '|' .. rec)
      out[#out + 1] = token
      out[#out + 1] = rec
    end
  end
  redis.call('ZREM', KEYS[5], token)
end
out[1] = tonumber(redis.call('GET', KEYS[2]) or '0')
return out
`;

/**
 * Creates an item's state only when absent: stock = allocation minus the restored reservations.
 * The state key is written last, so a half-built item never looks open.
 * KEYS: state stock users idem res exp stream   ARGV: price limit ttl closesAt alloc [token rec]...
 */
export const INITIALISE_LUA = `${SPLIT}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
local sold = 0
for i = 6, #ARGV, 2 do
  local token, rec = ARGV[i], ARGV[i + 1]
  local f = split(rec)
  redis.call('HSET', KEYS[5], token, rec)
  redis.call('HSET', KEYS[4], f[2] .. '|' .. f[6], token)
  if f[1] ~= 'x' then
    sold = sold + tonumber(f[3])
    redis.call('HINCRBY', KEYS[3], f[2], tonumber(f[3]))
  end
  if f[1] == 'h' then redis.call('ZADD', KEYS[6], tonumber(f[5]), token) end
end
local stock = tonumber(ARGV[5]) - sold
if stock < 0 then stock = 0 end
redis.call('SET', KEYS[2], stock)
pcall(redis.call, 'XGROUP', 'CREATE', KEYS[7], 'persist', '0', 'MKSTREAM')
redis.call('HSET', KEYS[1], 'status', 'open', 'price', ARGV[1], 'limit', ARGV[2], 'ttl', ARGV[3], 'closesAt', ARGV[4], 'alloc', math.max(tonumber(ARGV[5]), sold))
return 1
`;

/** KEYS: state   ARGV: price limit ttl closesAt → 1 re-opened, 0 state missing */
export const OPEN_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'open', 'price', ARGV[1], 'limit', ARGV[2], 'ttl', ARGV[3], 'closesAt', ARGV[4])
return 1
`;

/** KEYS: state */
export const CLOSE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'status', 'closed') end
return 1
`;

/**
 * Never offer more than the product system says it has: stock = min(stock, max). The allocation
 * shrinks by the same amount, so sold (= alloc - stock) is unchanged.
 * KEYS: state stock   ARGV: max → {stock, removed}, or {-1, 0} when the state is missing
 */
export const CAP_LUA = `
local alloc = redis.call('HGET', KEYS[1], 'alloc')
if not alloc then return {-1, 0} end
local stock = tonumber(redis.call('GET', KEYS[2]) or '0')
local max = tonumber(ARGV[1])
if stock <= max then return {stock, 0} end
redis.call('SET', KEYS[2], max)
redis.call('HSET', KEYS[1], 'alloc', tonumber(alloc) - (stock - max))
return {max, stock - max}
`;

/**
 * After an ack: trims the log below the oldest entry still needed, the first unacked entry of the
 * group (or, with none pending, the last one delivered; everything after it is undelivered). One
 * call per stream per batch instead of deleting each acked id (XDEL cost ~1.2 µs of Redis per
 * entry). `~` trims whole stream nodes only, so up to a node of acked entries may stay a while.
 * KEYS: stream   ARGV: group
 */
export const TRIM_LUA = `
local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
local keep = pending[2]
if not keep then
  for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
    local name, last
    for i = 1, #group, 2 do
      if group[i] == 'name' then name = group[i + 1] elseif group[i] == 'last-delivered-id' then last = group[i + 1] end
    end
    if name == ARGV[1] then keep = last end
  end
end
if keep then return redis.call('XTRIM', KEYS[1], 'MINID', '~', keep) end
return 0
`;
