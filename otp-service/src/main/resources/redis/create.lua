-- Creates a challenge unless one is live for the transaction or the subject's hourly quota is used up.
-- KEYS[1] challenge hash, KEYS[2] the subject's sent-codes counter for this hour
-- ARGV[1] quota per hour, ARGV[2] end of the hour (epoch ms), ARGV[3] expiry (epoch ms), ARGV[4..] field/value pairs
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'EXISTS'
end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[1]) then
  return 'QUOTA_EXCEEDED'
end
redis.call('INCR', KEYS[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 'CREATED'
