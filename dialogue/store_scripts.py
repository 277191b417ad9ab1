"""The Lua scripts of dialogue.store (each runs in Redis as one step, in one round trip), and
the request counters the take script counts."""

from __future__ import annotations

from dataclasses import dataclass

# KEYS: lock, session, replies, then any request counters (a `Quota`). ARGV: token, lock
# milliseconds, client message id ("" for none), the counters' expiry, then their limits.
# -> {1, data, reply} taken (data false when there is no session, reply false when none is
# kept for the id), {0} when another writer holds the lock, {2, counts...} when a counter is
# over its limit (nothing taken).
TAKE_AND_GET = """
local counts, over = {}, false
for i = 4, #KEYS do
  counts[i - 3] = redis.call('INCR', KEYS[i])
  if counts[i - 3] == 1 then redis.call('EXPIRE', KEYS[i], ARGV[4]) end
  if counts[i - 3] > tonumber(ARGV[i + 1]) then over = true end
end
if over then return {2, unpack(counts)} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local reply = false
  if ARGV[3] ~= '' then reply = redis.call('HGET', KEYS[3], ARGV[3]) end
  return {1, redis.call('GET', KEYS[2]), reply}
end
return {0}
"""
# Appends the transcript lines ARGV[first..last] (seq ARGV[first - 1] onwards) to the list
# `key`, capped at `cap` lines, and sets its expiry. Idempotent: lines the list already ends
# with (a save that Redis applied but whose answer was lost, then retried) are not added twice.
APPEND_LINES = """
local function append_lines(key, cap, ttl, first, last)
  local tail = first <= last and redis.call('LINDEX', key, -1)
  if tail then
    local have = cjson.decode(tail).seq - tonumber(ARGV[first - 1]) + 1
    if have > 0 then first = first + have end
  end
  if first <= last then
    redis.call('RPUSH', key, unpack(ARGV, first, last))
    redis.call('LTRIM', key, -tonumber(cap), -1)
  end
  redis.call('EXPIRE', key, ttl)
end
"""
# KEYS: transcript. ARGV: cap, ttl, the first line's seq, the lines (`SessionStore.save`).
APPEND_TRANSCRIPT = (
    APPEND_LINES
    + """
append_lines(KEYS[1], ARGV[1], ARGV[2], 4, #ARGV)
return 1
"""
)
# KEYS: session, account index, handoff index, lock, replies, transcript. ARGV: data, ttl,
# session id, "1" when handed off, token, client message id ("" for none), its reply, the
# transcript cap, the number n of new transcript lines, the first one's seq, those n lines,
# then the message ids no longer remembered. What `save` writes, then the lock released only
# while it is still ours.
SAVE_AND_RELEASE = (
    APPEND_LINES
    + """
local holder = redis.call('GET', KEYS[4])
if holder and holder ~= ARGV[5] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
local lines = tonumber(ARGV[9])
append_lines(KEYS[6], ARGV[8], ARGV[2], 11, 10 + lines)
if ARGV[6] ~= '' then
  redis.call('HSET', KEYS[5], ARGV[6], ARGV[7])
  if #ARGV > 10 + lines then redis.call('HDEL', KEYS[5], unpack(ARGV, 11 + lines)) end
  redis.call('EXPIRE', KEYS[5], ARGV[2])
end
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[2])
if ARGV[4] == '1' then redis.call('SADD', KEYS[3], ARGV[3])
else redis.call('SREM', KEYS[3], ARGV[3]) end
if redis.call('GET', KEYS[4]) == ARGV[5] then redis.call('DEL', KEYS[4]) end
return 1
"""
)
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


@dataclass
class Quota:
    """Request counters the turn's take counts in its own round trip (the API's fixed-window
    rate limits, api.limits): each key's count goes up by one, and over any limit nothing is
    taken (`RateLimited`). `counts` is filled in once counted; then `over` tells the result."""

    keys: list[str]
    limits: list[int]
    expire_seconds: int
    counts: list[int] | None = None

    @property
    def over(self) -> bool:
        return any(c > limit for c, limit in zip(self.counts or [], self.limits, strict=False))
