package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.formats.FileContent;
import com.zywa.cardstatus.formats.FileKinds;
import com.zywa.cardstatus.formats.FileRefusedException;
import com.zywa.cardstatus.formats.PartnerFileReader;
import com.zywa.cardstatus.formats.PartnerProfile;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.TextEncoding;
import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.publish.PhoneSealing;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests one partner file: streams its rows through the partner's parser and publishes the accepted ones in one
 * Kafka transaction, its record kept by the {@link UploadLifecycle}. A refused or failed file applies nothing and
 * says why.
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    /** Rows sealed together (one call to the key store). */
    static final int SEAL_BATCH = 1_000;

    private final EventPublisher publisher;
    private final UploadRepository uploads;
    private final UploadLifecycle lifecycle;
    private final Partners partners;
    private final IngestMetrics metrics;
    private final PhoneSealing sealing;

    UploadService(
            EventPublisher publisher,
            UploadRepository uploads,
            UploadLifecycle lifecycle,
            Partners partners,
            IngestMetrics metrics,
            PhoneSealing sealing) {
        this.publisher = publisher;
        this.uploads = uploads;
        this.lifecycle = lifecycle;
        this.partners = partners;
        this.metrics = metrics;
        this.sealing = sealing;
    }

    /**
     * What the uploader asked for, as given at the HTTP or drop-folder boundary (kind, zone and partner not yet
     * checked); {@code source} is {@code http} or {@code inbox}, {@code sha256} may be null, {@code uploadedBy} is
     * who sent it. It becomes an {@link Upload} once the partner is known.
     */
    public record Request(
            String fileName,
            @Nullable String kind,
            @Nullable ZoneId zone,
            @Nullable String partner,
            String source,
            @Nullable String sha256,
            String uploadedBy) {}

    /** Ingests {@code content}, which is read twice: once to check its encoding, once for its rows. */
    public UploadReport ingest(Request request, FileContent content) {
        long started = System.nanoTime();
        PartnerProfile profile = partners.profile(request.partner()).inZone(request.zone());
        Upload upload = new Upload(
                UUID.randomUUID(),
                profile.name(),
                request.fileName(),
                null,
                request.source(),
                request.sha256(),
                request.uploadedBy());
        EventType kind;
        try {
            kind = FileKinds.resolve(request.kind(), request.fileName());
        } catch (FileRefusedException e) {
            lifecycle.refuse(upload, e.getMessage());
            throw new UploadRefusedException(upload.id(), e);
        }
        Upload typed = upload.withKind(kind);
        RunningUpload running = lifecycle.begin(typed);
        RunningUpload.Committed committed;
        try {
            committed = publish(running, typed, profile, content);
        } catch (FileRefusedException e) {
            running.refuse(e.getMessage());
            throw new UploadRefusedException(typed.id(), e);
        } catch (RuntimeException e) {
            throw failed(running, typed, e);
        }
        boolean recorded = committed.complete();
        UploadTally tally = committed.tally();
        metrics.uploadRows(typed.partner(), kind, tally.accepted(), tally.rejected(), tally.warnings());
        // one line per upload, for log searches and alerts: counts and who, never a row's content
        log.info(
                "upload {} of '{}' completed: partner {}, kind {}, {} rows, {} accepted, {} rejected, {} warnings, "
                        + "{} ms, by {}",
                typed.id(),
                SafeMessages.printable(typed.fileName()),
                typed.partner(),
                kind,
                tally.read(),
                tally.accepted(),
                tally.rejected(),
                tally.warnings(),
                (System.nanoTime() - started) / 1_000_000,
                typed.uploadedBy());
        if (!recorded) {
            throw UploadFailedException.unrecorded(typed.id(), tally.accepted());
        }
        return find(typed.id(), 0, 100).orElseThrow();
    }

    /** Ends an upload that failed while publishing (nothing from it applied) and says why. */
    private UploadFailedException failed(RunningUpload running, Upload upload, RuntimeException e) {
        // the cause's own text may echo what it was given (a database batch echoes the rows it inserted)
        String cause = SafeMessages.rootCause(e);
        log.error(
                "upload {} of '{}' failed after {} rows; nothing from it was applied: {}",
                upload.id(),
                SafeMessages.printable(upload.fileName()),
                running.rowsRead(),
                cause);
        return running.fail(e, cause)
                ? new UploadFailedException(upload.id(), cause, e)
                : UploadFailedException.database(upload.id(), cause, e);
    }

    private RunningUpload.Committed publish(
            RunningUpload running, Upload upload, PartnerProfile profile, FileContent content) {
        // the encoding check reads the whole file once: before the transaction, which then only lasts one pass
        TextEncoding encoding = TextEncoding.of(content);
        PartnerFileReader reader = profile.fileReader();
        return running.publish(publisher::inTransaction, (batch, rows) -> {
            // rows are sealed (contract §12) a batch at a time: one call to the key store per batch, not per row
            List<RowOutcome> pending = new ArrayList<>(SEAL_BATCH);
            Runnable flush = () -> {
                for (RowOutcome outcome : sealing.seal(pending, profile.phones())) {
                    rows.read(outcome);
                    send(batch, upload, outcome);
                }
                pending.clear();
            };
            reader.read(content, encoding, upload, outcome -> {
                pending.add(outcome);
                if (pending.size() >= SEAL_BATCH) {
                    flush.run();
                }
            });
            flush.run();
            if (encoding.warning() != null) {
                rows.fileWarning(encoding.warning());
            }
        });
    }

    /** What one row of an upload becomes on Kafka: its event, or its rejection on {@code card.rejects}. */
    private static void send(EventPublisher.Batch batch, Upload upload, RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Accepted accepted) {
            batch.event(accepted.event());
        } else if (outcome instanceof RowOutcome.Rejected rejected) {
            batch.rejected(new RejectedRow(
                    upload.id().toString(),
                    upload.partner(),
                    upload.fileName(),
                    rejected.line(),
                    rejected.reason(),
                    rejected.raw()));
        }
    }

    /** The completed upload of a drop-folder file with this name and content, if there is one. */
    public Optional<UUID> alreadyIngested(String fileName, String sha256) {
        return uploads.completedInboxUpload(fileName, sha256);
    }

    public Optional<UploadReport> find(UUID uploadId, int page, int size) {
        return uploads.find(uploadId, page, size);
    }

    /** Every rejection of an upload, in line order, without holding them all in memory. */
    void eachRejection(UUID uploadId, Consumer<UploadReport.Rejection> each) {
        uploads.eachRejection(uploadId, each);
    }

    List<UploadReport> recent(int limit) {
        return uploads.recent(limit);
    }
}
