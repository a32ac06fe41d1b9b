package com.zywa.cardstatus.support.limits;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Token buckets by key (a partner, a caller): each key's rate is its own setting over the default, and at most
 * {@code maxKeys} buckets are kept, the least recently used forgotten first (a forgotten key starts again with a full
 * bucket, so the bound costs at most one extra burst of a key idle longest). Per instance: N instances allow N times
 * the rate.
 */
public final class RateLimits {

    /** The answer's error code, also the reason of a record set aside for being over its partner's rate. */
    public static final String RATE_LIMITED = "rate_limited";

    private final Rate defaults;
    private final Map<String, Rate> rates = new HashMap<>();
    private final Map<String, Bucket> buckets;
    private final TimeMeter time;

    /**
     * @param defaults the rate of every key without its own (both parts set)
     * @param perKey keys' own rates, each part left out taken from the default
     * @param maxKeys the most buckets kept at once
     * @param clock the time buckets refill by
     */
    public RateLimits(Rate defaults, Map<String, Rate> perKey, int maxKeys, Clock clock) {
        this.defaults = defaults.over(defaults);
        perKey.forEach((key, rate) -> rates.put(key, rate.over(this.defaults)));
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** The rate {@code key} is held to. */
    public Rate rateOf(String key) {
        return rates.getOrDefault(key, defaults);
    }

    /**
     * Takes {@code count} from {@code key}'s bucket, all or nothing; a count above the key's limit takes the whole
     * limit (a full bucket), so a request larger than the limit is not refused forever.
     */
    public Verdict take(String key, long count) {
        ConsumptionProbe probe = bucketOf(key)
                .tryConsumeAndReturnRemaining(Math.max(
                        1, Math.min(count, Objects.requireNonNull(rateOf(key).limit()))));
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        return new Verdict(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
    }

    /** Whether {@code key} has at least one left now, without taking it (a limit on failures: taken only by them). */
    public boolean hasLeft(String key) {
        return bucketOf(key).getAvailableTokens() >= 1;
    }

    /** How many buckets are kept now. */
    int keys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket bucketOf(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, this::bucket);
        }
    }

    private Bucket bucket(String key) {
        Rate rate = rateOf(key);
        long limit = Objects.requireNonNull(rate.limit());
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, Objects.requireNonNull(rate.period())))
                .withCustomTimePrecision(time)
                .build();
    }

    /**
     * The answer to a request over its rate: 429, {@code Retry-After} in whole seconds, and the error body with code
     * {@value #RATE_LIMITED}.
     */
    public static ResponseEntity<ErrorBody> tooManyRequests(Verdict verdict, String message) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()))
                .body(ErrorBody.of(RATE_LIMITED, message));
    }

    /** {@link #tooManyRequests} written by a filter, which no controller advice sees. */
    public static void writeTooManyRequests(HttpServletResponse response, Verdict verdict, String message)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        ErrorAnswers.write(response, HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, message);
    }

    /**
     * Whether a take was allowed, and if not, in how many whole seconds (at least 1) it would be.
     *
     * @param allowed whether it was taken
     * @param retryAfterSeconds when refused, the seconds until the bucket holds enough again; 0 when allowed
     */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }
}
