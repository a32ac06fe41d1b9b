package com.zywa.cardstatus.processor.rebuild;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.processor.projection.ProjectionGenerations;
import com.zywa.cardstatus.processor.projection.ProjectionGenerations.Claim;
import com.zywa.cardstatus.processor.projection.ProjectionGenerations.Progress;
import com.zywa.cardstatus.processor.topology.FoldReasons;
import com.zywa.cardstatus.support.errors.Failures;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rebuild a processor took on (contract §10): creates the new generation, re-projects {@code card.status}
 * into it with the reasons mapped again, reports progress every second (and stops if ops cancelled), then switches.
 * Statuses the live writer stores meanwhile reach the new generation through the trigger the generation is created
 * with, so the replay only has to read up to the end {@code card.status} had when it began.
 */
final class RebuildWorker {

    private static final Logger log = LoggerFactory.getLogger(RebuildWorker.class);
    private static final long REPORT_EVERY_MS = 1_000;

    static final String WORKER = ManagementFactory.getRuntimeMXBean().getName();

    private final ProjectionGenerations generations;
    private final FoldReasons reasons;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RebuildMetrics metrics;

    RebuildWorker(
            ProjectionGenerations generations,
            FoldReasons reasons,
            Supplier<Consumer<String, byte[]>> consumers,
            RebuildMetrics metrics) {
        this.generations = generations;
        this.reasons = reasons;
        this.consumers = consumers;
        this.metrics = metrics;
    }

    /** Runs the rebuild until it switched, was cancelled or failed; returns early (left to a takeover) if stopped. */
    void run(Claim claim, BooleanSupplier keepGoing) {
        int generation = claim.generation();
        if (!"reproject".equals(claim.mode())) {
            generations.abandon(generation, "failed", "mode " + claim.mode() + " is not available in this version");
            return;
        }
        log.info(
                "rebuilding the projection into generation {} ({}{})",
                generation,
                claim.mode(),
                claim.resumed() ? ", taken over from a processor that stopped reporting" : "");
        try {
            if (!claim.resumed()) {
                generations.prepare(generation);
            }
            metrics.started(generation);
            if (!replay(generation, keepGoing)) {
                return;
            }
            if (generations.switchTo(generation)) {
                metrics.ended("switched");
                log.info("the projection now shows generation {}; the previous one is dropped", generation);
            } else {
                cancelled(generation, "cancelled by ops before the switch");
            }
        } catch (RuntimeException e) {
            String reason = Failures.reason(e);
            log.error("rebuilding the projection into generation {} failed: {}", generation, reason, e);
            metrics.ended("failed");
            try {
                generations.abandon(generation, "failed", reason);
            } catch (RuntimeException again) {
                log.warn(
                        "could not mark generation {} failed (another processor takes it over): {}",
                        generation,
                        Failures.reason(again));
            }
        }
    }

    /** True when the replay reached its end; false when cancelled (abandoned here) or stopped. */
    private boolean replay(int generation, BooleanSupplier keepGoing) {
        try (StatusReplay replay = new StatusReplay(consumers.get())) {
            long written = 0;
            long remapped = 0;
            long reportedAt = 0;
            while (true) {
                boolean done = replay.done();
                if (done) {
                    // rows were counted at every write; the generation holds each card once
                    written = generations.cards(generation);
                }
                long now = System.currentTimeMillis();
                if (done || now - reportedAt >= REPORT_EVERY_MS) {
                    reportedAt = now;
                    long remaining = replay.remaining();
                    metrics.progress(written, remaining);
                    Progress progress = new Progress(replay.total(), replay.total() - remaining, written, remapped);
                    if (generations.report(generation, progress)) {
                        cancelled(generation, "cancelled by ops after " + written + " rows written");
                        return false;
                    }
                }
                if (done) {
                    return true;
                }
                if (!keepGoing.getAsBoolean()) {
                    log.info("processor stopping: rebuild of generation {} left to a takeover", generation);
                    metrics.ended("stopped");
                    return false;
                }
                List<CardStatus> batch = replay.next();
                List<CardStatus> remappedBatch = new ArrayList<>(batch.size());
                for (CardStatus status : batch) {
                    Remapping.Result result = Remapping.remap(status, reasons.mapping());
                    remapped += result.remapped();
                    remappedBatch.add(result.status());
                }
                written += generations.write(generation, remappedBatch);
            }
        }
    }

    private void cancelled(int generation, String message) {
        generations.abandon(generation, "cancelled", message);
        metrics.ended("cancelled");
        log.info("rebuild of generation {} cancelled; the current generation keeps serving", generation);
    }
}
