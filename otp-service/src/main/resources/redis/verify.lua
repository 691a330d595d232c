-- Checks one presented code; read, compare, count and delete happen in one step so that two
-- concurrent attempts can neither both succeed nor both escape the attempt count.
-- KEYS[1] challenge hash; ARGV[1] subject, ARGV[2] hash of the presented code, ARGV[3] now (epoch ms)
-- Returns {outcome, remaining attempts}.
local c = redis.call('HMGET', KEYS[1], 'subject', 'codeHash', 'attempts', 'maxAttempts', 'expiresAt')
if not c[1] or c[1] ~= ARGV[1] then
  return {'EXPIRED', 0}
end
if tonumber(ARGV[3]) >= tonumber(c[5]) then
  redis.call('DEL', KEYS[1])
  return {'EXPIRED', 0}
end
-- Plain equality is fine here: the attacker cannot choose HMAC outputs without the key.
if c[2] == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return {'ACCEPTED', 0}
end
local remaining = tonumber(c[4]) - redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if remaining <= 0 then
  redis.call('DEL', KEYS[1])
  return {'EXHAUSTED', 0}
end
return {'REJECTED', remaining}
