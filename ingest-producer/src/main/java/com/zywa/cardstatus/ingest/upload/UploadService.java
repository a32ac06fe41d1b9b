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
import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests one partner file: streams its rows through the partner's parser and publishes the accepted ones in one
 * Kafka transaction, recording progress and every row issue as it goes. A refused or failed file applies nothing
 * and says why.
 */
@Service
public class UploadService {

    /** Rows between two progress updates of a running upload. */
    static final int PROGRESS_EVERY = 10_000;

    private static final int ISSUE_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final EventPublisher publisher;
    private final UploadRepository uploads;
    private final UploadEnds ends;
    private final Partners partners;
    private final IngestMetrics metrics;
    private final String instanceId;
    private final Clock clock = Clock.systemUTC();

    UploadService(
            EventPublisher publisher,
            UploadRepository uploads,
            UploadEnds ends,
            Partners partners,
            IngestMetrics metrics,
            IngestSettings settings) {
        this.publisher = publisher;
        this.uploads = uploads;
        this.ends = ends;
        this.partners = partners;
        this.metrics = metrics;
        this.instanceId = settings.instanceId();
    }

    /**
     * What the uploader asked for, as given at the HTTP or drop-folder boundary (kind, zone and partner not yet
     * checked); {@code source} is {@code http} or {@code inbox}, {@code sha256} may be null, {@code uploadedBy} is
     * who sent it. It becomes an {@link Upload} once the partner is known.
     */
    public record Request(
            String fileName,
            String kind,
            ZoneId zone,
            String partner,
            String source,
            String sha256,
            String uploadedBy) {}

    /** Ingests {@code content}, which is read twice: once to check its encoding, once for its rows. */
    public UploadReport ingest(Request request, FileContent content) {
        Instant started = clock.instant();
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
            uploads.start(upload, UploadState.REFUSED, instanceId, clock.instant());
            uploads.finish(upload.id(), UploadState.REFUSED, new UploadTally(), e.getMessage(), clock.instant());
            throw new UploadRefusedException(upload.id(), e);
        }
        Upload typed = upload.withKind(kind);
        ends.begin(typed.id());
        try {
            uploads.start(typed, UploadState.PROCESSING, instanceId, clock.instant());
        } catch (RuntimeException e) {
            ends.abandon(typed.id());
            throw e;
        }
        UploadTally tally = new UploadTally();
        try {
            publish(typed, profile.fileReader(), content, tally);
        } catch (FileRefusedException e) {
            ends.end(typed.id(), UploadState.REFUSED, tally, e.getMessage());
            throw new UploadRefusedException(typed.id(), e);
        } catch (RuntimeException e) {
            throw failed(typed, tally, e);
        }
        boolean recorded = ends.end(typed.id(), UploadState.COMPLETED, tally, null);
        metrics.uploadRows(typed.partner(), kind, tally.accepted(), tally.rejected(), tally.warnings());
        // one line per upload, for log searches and alerts: counts and who, never a row's content
        log.info(
                "upload {} of '{}' completed: partner {}, kind {}, {} rows, {} accepted, {} rejected, {} warnings, "
                        + "{} ms, by {}",
                typed.id(),
                typed.fileName(),
                typed.partner(),
                kind,
                tally.read(),
                tally.accepted(),
                tally.rejected(),
                tally.warnings(),
                Duration.between(started, clock.instant()).toMillis(),
                typed.uploadedBy());
        if (!recorded) {
            throw UploadFailedException.unrecorded(typed.id(), tally.accepted());
        }
        return find(typed.id(), 0, 100).orElseThrow();
    }

    /** Records an upload that failed while publishing (nothing from it applied) and says why. */
    private UploadFailedException failed(Upload upload, UploadTally tally, RuntimeException e) {
        // the cause's own text may echo what it was given (a database batch echoes the rows it inserted)
        String cause = SafeMessages.rootCause(e);
        log.error(
                "upload {} of '{}' failed after {} rows; nothing from it was applied: {}",
                upload.id(),
                upload.fileName(),
                tally.read(),
                cause);
        String error = "publishing failed after " + tally.read() + " rows and nothing from this file was applied; "
                + "upload it again (" + cause + ")";
        if (UploadFailedException.isDatabase(e)) {
            ends.endLater(upload.id(), UploadState.FAILED, tally, error);
            return UploadFailedException.database(upload.id(), cause, e);
        }
        return ends.end(upload.id(), UploadState.FAILED, tally, error)
                ? new UploadFailedException(upload.id(), cause, e)
                : UploadFailedException.database(upload.id(), cause, e);
    }

    private void publish(Upload upload, PartnerFileReader reader, FileContent content, UploadTally tally) {
        // the encoding check reads the whole file once: before the transaction, which then only lasts one pass
        TextEncoding encoding = TextEncoding.of(content);
        publisher.inTransaction(batch -> {
            reader.read(content, encoding, upload, outcome -> {
                tally.count(outcome);
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
                if (tally.pendingIssues() >= ISSUE_BATCH) {
                    uploads.saveIssues(upload.id(), tally.drainIssues());
                }
                if (tally.read() % PROGRESS_EVERY == 0) {
                    uploads.progress(upload.id(), tally.read());
                }
            });
            if (encoding.warning() != null) {
                tally.fileWarning(encoding.warning());
            }
            uploads.saveIssues(upload.id(), tally.drainIssues());
            // the last database write before the commit: if PostgreSQL is gone now, the transaction is aborted and
            // the upload ends FAILED with nothing applied, rather than applied with no record of it
            uploads.progress(upload.id(), tally.read());
        });
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
