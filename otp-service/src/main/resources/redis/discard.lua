-- Undoes a create whose code could not be delivered: removes the challenge (only if it still holds
-- that code) and gives the unsent code back to the subject's hourly quota.
-- KEYS[1] challenge hash, KEYS[2] sent-codes counter; ARGV[1] code hash
if redis.call('HGET', KEYS[1], 'codeHash') == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 'DISCARDED'
