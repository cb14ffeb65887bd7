/*
 * Lua scripts that change the shared clock. Each runs atomically in Redis, so two admins (or two
 * instances re-seeding after Redis lost the key) can never move the clock backwards between a read
 * and a write. Numbers travel as strings: Lua doubles hold epoch milliseconds exactly, but Redis
 * would truncate a Lua number reply, and cjson would print large ones in exponent form.
 */

/**
 * Moves the clock to a target instant unless that is in the past.
 * KEYS[1] clock key; ARGV: target ms, caller's wall ms, caller's known offset (a floor, used when
 * the key is missing or behind), setAt ISO string. Returns {1, newOffset} or {0, currentNowMs}.
 */
export const ADVANCE_SCRIPT = `
local current = tonumber(ARGV[3])
local raw = redis.call('GET', KEYS[1])
if raw then
  local stored = tonumber(cjson.decode(raw).offsetMs)
  if stored > current then current = stored end
end
local target = tonumber(ARGV[1])
local wall = tonumber(ARGV[2])
if target < wall + current then
  return {0, string.format('%d', wall + current)}
end
local offset = target - wall
redis.call('SET', KEYS[1], string.format('{"offsetMs":%d,"setAt":"%s"}', offset, ARGV[4]))
return {1, string.format('%d', offset)}
`;

/**
 * Raises the stored offset to at least the given one (the greatest known offset wins).
 * KEYS[1] clock key; ARGV: offset, setAt ISO string. Returns {1, offset} when it wrote, else
 * {0, storedOffset}.
 */
export const RAISE_SCRIPT = `
local wanted = tonumber(ARGV[1])
local raw = redis.call('GET', KEYS[1])
if raw then
  local stored = tonumber(cjson.decode(raw).offsetMs)
  if stored >= wanted then return {0, string.format('%d', stored)} end
end
redis.call('SET', KEYS[1], string.format('{"offsetMs":%d,"setAt":"%s"}', wanted, ARGV[2]))
return {1, string.format('%d', wanted)}
`;
