-- Gives back a claim whose message was not sent. Only the request's own claim is removed: never a
-- SENT mark, nor the claim of another request that took over after this one's had expired.
-- KEYS[1] notification key; ARGV[1] the claim token
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 'RELEASED'
