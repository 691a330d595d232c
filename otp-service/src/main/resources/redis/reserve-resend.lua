-- Claims the right to send a new code for a live challenge: checks subject, minimum interval and
-- hourly quota, then counts the code and marks the send time so that a concurrent resend is
-- refused. The stored code stays valid until the new one has been delivered.
-- KEYS[1] challenge hash, KEYS[2] sent-codes counter
-- ARGV[1] subject, ARGV[2] now (epoch ms), ARGV[3] minimum interval (ms), ARGV[4] quota, ARGV[5] end of the hour (epoch ms)
-- Returns {status, wait ms} or {'RESERVED', 0, field, value, ...} with the challenge as it was.
local c = redis.call('HMGET', KEYS[1], 'subject', 'sentAt', 'expiresAt')
local now = tonumber(ARGV[2])
if not c[1] or c[1] ~= ARGV[1] or now >= tonumber(c[3]) then
  return {'NOT_FOUND', 0}
end
local wait = tonumber(c[2]) + tonumber(ARGV[3]) - now
if wait > 0 then
  return {'TOO_SOON', wait}
end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then
  return {'QUOTA_EXCEEDED', 0}
end
local challenge = redis.call('HGETALL', KEYS[1])
redis.call('INCR', KEYS[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[5])
redis.call('HSET', KEYS[1], 'sentAt', ARGV[2])
local reply = {'RESERVED', 0}
for i = 1, #challenge do
  reply[i + 2] = challenge[i]
end
return reply
