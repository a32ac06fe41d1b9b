package com.zywa.cardstatus.processor.reasons;

import com.zywa.cardstatus.fold.ReasonMapping;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.processor.topology.FoldReasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reason mapping in force, for the fold: read at start from the mapping file (or the shipped default), read again
 * by {@link #reload} and replaced when the file's content changed and then stayed the same for one more call (a
 * checksum, not a modification time: a Kubernetes ConfigMap is updated by swapping a symlink). A file that cannot be read as a mapping is refused at start; later, the
 * mapping in force is kept, the refusal logged once per content at ERROR and counted
 * ({@code cardstatus_reasons_reload_refused_total}). Unmapped events are counted per partner of the mapping, any other
 * partner as {@code unknown}, so the series stay few ({@code cardstatus_unmapped_reasons_total}).
 */
final class ReasonMappingSource implements FoldReasons {

    private static final Logger log = LoggerFactory.getLogger(ReasonMappingSource.class);

    /** A mapping, the checksum of the text it was read from, and when. */
    private record Loaded(ReasonMapping mapping, String checksum, Instant at) {}

    private final @Nullable Path file;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter refused;
    private volatile Loaded current;
    private @Nullable String refusedChecksum;
    private @Nullable String lastRead;

    ReasonMappingSource(@Nullable Path file, Clock clock, MeterRegistry meters) {
        this.file = file;
        this.clock = clock;
        this.meters = meters;
        this.refused = Counter.builder("cardstatus.reasons.reload.refused")
                .description("Changed reason mapping files refused (the mapping in force was kept)")
                .register(meters);
        String text = file == null ? ReasonMappingFile.shippedText() : read(file);
        try {
            this.current = new Loaded(ReasonMappingFile.parse(text), checksum(text), clock.instant());
        } catch (ReasonMappingFile.InvalidException e) {
            throw new IllegalStateException(
                    "the reason mapping file " + file + " is not valid (cardstatus.reasons.mapping-file): "
                            + e.getMessage(),
                    e);
        }
        TimeGauge.builder(
                        "cardstatus.reasons.mapping.loaded",
                        this,
                        TimeUnit.SECONDS,
                        source -> source.current.at().getEpochSecond())
                .description("When the reason mapping in force was loaded (seconds since the epoch)")
                .register(meters);
        log.info(
                "reason mapping loaded from {}: partners {}",
                origin(),
                current.mapping().partners());
    }

    @Override
    public ReasonMapping mapping() {
        return current.mapping();
    }

    @Override
    public void unmapped(@Nullable String partner) {
        String tag = partner != null && current.mapping().partners().contains(partner) ? partner : "unknown";
        meters.counter("cardstatus.unmapped.reasons", "partner", tag).increment();
    }

    /**
     * Loads the file again if its content changed since the mapping in force (or a refused one) was read, once it reads
     * the same at two calls in a row: a file being written in place (an editor, a copy) is never read half-written.
     */
    synchronized void reload() {
        if (file == null) {
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            refuse(null, "cannot be read: " + e.getMessage());
            return;
        }
        String checksum = checksum(text);
        boolean settled = checksum.equals(lastRead);
        lastRead = checksum;
        if (!settled || checksum.equals(current.checksum()) || checksum.equals(refusedChecksum)) {
            return;
        }
        try {
            current = new Loaded(ReasonMappingFile.parse(text), checksum, clock.instant());
            refusedChecksum = null;
            log.info(
                    "reason mapping reloaded from {}: partners {}",
                    file,
                    current.mapping().partners());
        } catch (ReasonMappingFile.InvalidException e) {
            refuse(checksum, "is not valid: " + e.getMessage());
        }
    }

    private void refuse(@Nullable String checksum, String why) {
        if (checksum == null || !checksum.equals(refusedChecksum)) {
            refused.increment();
            log.error(
                    "the changed reason mapping file {} {}; the mapping loaded at {} stays in force",
                    file,
                    why,
                    current.at());
        }
        refusedChecksum = checksum;
    }

    private String origin() {
        return file == null ? "the shipped default (" + ReasonMappingFile.DEFAULT + ")" : file.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the reason mapping file " + file + " cannot be read (cardstatus.reasons.mapping-file): "
                            + e.getMessage(),
                    e);
        }
    }

    private static String checksum(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
