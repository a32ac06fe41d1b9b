package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The second step of a KEK rotation (docs/operations.md): every {@code cardstatus.projection.kek-rewrap-interval},
 * and soon after start, re-wraps the stored data keys ({@code ingest.phone_key}) that the KEK's primary key did not
 * wrap, a thousand at a time until none is left, so the old key can then be removed from the keyset. Two processors
 * doing it at once is harmless (a key is only replaced if it is still as it was read).
 */
@Component
@EnableScheduling
public class PhoneKeyRewrap implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PhoneKeyRewrap.class);
    private static final int BATCH = 1_000;
    private static final Duration FIRST_AFTER = Duration.ofSeconds(10);

    private final ObjectProvider<PhoneKeys> keys;
    private final ObjectProvider<KeyEncryptionKey> kek;
    private final Duration interval;

    PhoneKeyRewrap(ObjectProvider<PhoneKeys> keys, ObjectProvider<KeyEncryptionKey> kek, ProjectionSettings settings) {
        this.keys = keys;
        this.kek = kek;
        this.interval = settings.kekRewrapInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, interval, FIRST_AFTER));
    }

    private void run() {
        try {
            int rewrapped = rewrap(keys.getObject(), kek.getObject());
            if (rewrapped > 0) {
                log.info("re-wrapped {} data keys under the KEK's primary key", rewrapped);
            }
        } catch (RuntimeException e) {
            // never the keyset nor a key: the exception's own message names at most a key's ID
            log.warn(
                    "the data keys could not be re-wrapped under the KEK's primary key; next try in {}: {}",
                    interval,
                    e.getMessage());
        }
    }

    /** Re-wraps every stored data key the primary key of {@code kek} did not wrap; answers how many. */
    public static int rewrap(PhoneKeys keys, KeyEncryptionKey kek) {
        // one pass over the store, a page of BATCH keys at a time
        return keys.rewrap(kek, BATCH);
    }
}
