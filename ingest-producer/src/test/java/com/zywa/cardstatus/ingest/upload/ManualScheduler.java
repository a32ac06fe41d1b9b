package com.zywa.cardstatus.ingest.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A task scheduler on a {@link ManualClock}: fixed-delay tasks run, on the test's thread, when {@link #advance} moves
 * the clock past their time. A task's exception reaches the test.
 */
final class ManualScheduler implements TaskScheduler {

    private static final class Periodic {
        final Runnable task;
        final Duration delay;
        Instant next;

        Periodic(Runnable task, Instant first, Duration delay) {
            this.task = task;
            this.next = first;
            this.delay = delay;
        }
    }

    private final ManualClock clock;
    private final List<Periodic> tasks = new ArrayList<>();

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** Moves the clock on by {@code duration}, running each task whose time comes, as often as it comes. */
    void advance(Duration duration) {
        Instant end = clock.now().plus(duration);
        while (true) {
            Periodic due = tasks.stream()
                    .filter(t -> !t.next.isAfter(end))
                    .min(Comparator.comparing(t -> t.next))
                    .orElse(null);
            if (due == null) {
                break;
            }
            clock.advance(Duration.between(clock.now(), due.next));
            due.task.run();
            due.next = clock.now().plus(due.delay);
        }
        clock.advance(Duration.between(clock.now(), end));
    }

    int scheduled() {
        return tasks.size();
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        tasks.add(new Periodic(task, startTime, delay));
        return null;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        return scheduleWithFixedDelay(task, clock.now(), delay);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        throw new UnsupportedOperationException();
    }
}
