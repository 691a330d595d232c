-- Claims a notification id for sending unless it was sent already or another request holds it.
-- KEYS[1] notification key; ARGV[1] this request's claim token, ARGV[2] claim lifetime (ms)
-- Returns 'CLAIMED', 'SENT' or 'IN_PROGRESS'; one script, so a claim given back between the two
-- commands cannot be misread.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 'CLAIMED'
end
if redis.call('GET', KEYS[1]) == 'SENT' then
  return 'SENT'
end
return 'IN_PROGRESS'
