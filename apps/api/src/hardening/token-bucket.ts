/** A per-token request budget: `burst` requests at once, refilled at `perMinute` a minute. */
export interface RatePolicy {
  readonly perMinute: number;
  readonly burst: number;
}

/** What the bucket holds: tokens left (fractional while refilling) as of `at` (ms since the epoch). */
export interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

export interface Take {
  readonly bucket: Bucket;
  readonly allowed: boolean;
  /** When refused: how long until one whole token is back. */
  readonly waitMs: number;
  /** How long the bucket is worth keeping: after that it is full again, the same as no bucket. */
  readonly ttlMs: number;
}

export const refillPerMs = (policy: RatePolicy): number => policy.perMinute / 60_000;

/**
 * One request against a bucket at `now`: refill for the time since `at` (never for a clock that went
 * back), then take one token if there is a whole one. A refused request takes nothing, so a client
 * that retries after Retry-After succeeds. This is the arithmetic of TOKEN_BUCKET_LUA, which runs it
 * atomically in Redis; the integration test holds both to the same answers.
 */
export function takeToken(bucket: Bucket | undefined, now: number, policy: RatePolicy): Take {
  const rate = refillPerMs(policy);
  let tokens = bucket?.tokens ?? policy.burst;
  let at = bucket?.at ?? now;
  if (now > at) {
    tokens = Math.min(policy.burst, tokens + (now - at) * rate);
    at = now;
  }
  const allowed = tokens >= 1;
  let waitMs = 0;
  if (allowed) tokens -= 1;
  else waitMs = Math.ceil((1 - tokens) / rate);
  const ttlMs = Math.ceil((policy.burst - tokens) / rate) + 1000;
  return { bucket: { tokens, at }, allowed, waitMs, ttlMs };
}

/** Retry-After is in whole seconds (RFC 9110), rounded up so a client that waits that long succeeds. */
export const retryAfterSeconds = (waitMs: number): number => Math.max(1, Math.ceil(waitMs / 1000));

/**
 * TOKEN_BUCKET_LUA: KEYS[1] the bucket (a hash: tokens, at); ARGV now (ms), refill per ms, burst.
 * Returns { allowed (1|0), waitMs }. Numbers are stored with 17 significant digits, so a bucket
 * read back is the double that was written and Redis and takeToken never drift apart.
 */
export const TOKEN_BUCKET_LUA = `
local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1])
local at = tonumber(saved[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate)
  at = now
end
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
return { allowed, wait }
`;
