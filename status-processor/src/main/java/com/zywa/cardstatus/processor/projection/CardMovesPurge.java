package com.zywa.cardstatus.processor.projection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes the work queue's record of card moves ({@code card_move}, V10) once older than {@code
 * cardstatus.projection.card-moves-kept}: no cursor still accepted needs them. Every minute, in batches, so a
 * backlog never holds one long transaction; two processors purging at once is harmless.
 */
@Component
@EnableScheduling
class CardMovesPurge implements SchedulingConfigurer {

    private static final int BATCH = 10_000;
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Duration kept;
    private final Clock clock;

    CardMovesPurge(JdbcTemplate jdbc, ProjectionSettings settings) {
        this.jdbc = jdbc;
        this.kept = settings.cardMovesKept();
        this.clock = Clock.systemUTC();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, EVERY, EVERY));
    }

    /** Deletes the moves older than the time kept; returns how many. */
    int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(kept));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(
                    "DELETE FROM card_move WHERE id IN (SELECT id FROM card_move WHERE moved_at < ? LIMIT ?)",
                    before,
                    BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
