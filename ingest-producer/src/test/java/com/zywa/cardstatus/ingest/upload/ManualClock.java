package com.zywa.cardstatus.ingest.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** A clock that moves only when told, and can let something happen exactly while the time is read. */
final class ManualClock extends Clock {

    private Instant now;
    private @Nullable Runnable onNextRead;

    ManualClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Runs {@code during} at the next read of the time, which then answers the time as it is after it. */
    void onNextRead(Runnable during) {
        onNextRead = during;
    }

    /** The time, read without running what waits for the next read. */
    Instant now() {
        return now;
    }

    @Override
    public Instant instant() {
        Runnable during = onNextRead;
        onNextRead = null;
        if (during != null) {
            during.run();
        }
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
