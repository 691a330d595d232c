-- Undoes a reservation whose code could not be delivered: the previous code stays as it was, the
-- send time goes back so that the caller may retry, and the unsent code returns to the quota.
-- KEYS[1] challenge hash, KEYS[2] sent-codes counter; ARGV[1] reserved send time, ARGV[2] previous send time
if redis.call('HGET', KEYS[1], 'sentAt') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'sentAt', ARGV[2])
end
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 'CANCELLED'
