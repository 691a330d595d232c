-- Replaces the code once the new one was delivered and restarts the expiry. The wrong-attempt
-- count is kept: resending must not hand out fresh guesses.
-- KEYS[1] challenge hash; ARGV[1] subject, ARGV[2] new code hash, ARGV[3] new expiry (epoch ms), ARGV[4] language
if redis.call('HGET', KEYS[1], 'subject') ~= ARGV[1] then
  return 'NOT_FOUND'
end
redis.call('HSET', KEYS[1], 'codeHash', ARGV[2], 'expiresAt', ARGV[3], 'language', ARGV[4])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 'RESENT'
