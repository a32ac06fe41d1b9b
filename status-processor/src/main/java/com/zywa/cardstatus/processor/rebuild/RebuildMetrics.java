package com.zywa.cardstatus.processor.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rebuild's progress as metrics ({@code cardstatus_projection_rebuild_*}) on the processor running it: the
 * generation, cards written, records still to read, whether one runs; and how rebuilds ended, by outcome.
 */
final class RebuildMetrics {

    private final MeterRegistry meters;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong cardsWritten = new AtomicLong();
    private final AtomicLong remaining = new AtomicLong();

    RebuildMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("cardstatus.projection.rebuild.running", running, AtomicLong::get)
                .description("1 while this processor rebuilds the projection into a new generation, else 0")
                .register(meters);
        Gauge.builder("cardstatus.projection.rebuild.generation", generation, AtomicLong::get)
                .description("The generation this processor last rebuilt or rebuilds (0: none since it started)")
                .register(meters);
        Gauge.builder("cardstatus.projection.rebuild.cards.written", cardsWritten, AtomicLong::get)
                .description("Cards the running (or last) rebuild wrote into its new generation")
                .register(meters);
        Gauge.builder("cardstatus.projection.rebuild.records.remaining", remaining, AtomicLong::get)
                .description("card.status records the running rebuild still has to read before it can switch")
                .register(meters);
    }

    void started(int generation) {
        this.generation.set(generation);
        cardsWritten.set(0);
        running.set(1);
    }

    void progress(long written, long left) {
        cardsWritten.set(written);
        remaining.set(left);
    }

    /** {@code outcome}: switched, cancelled, failed or stopped (the processor stopped; another takes it over). */
    void ended(String outcome) {
        running.set(0);
        remaining.set(0);
        meters.counter("cardstatus.projection.rebuilds", "outcome", outcome).increment();
    }
}
