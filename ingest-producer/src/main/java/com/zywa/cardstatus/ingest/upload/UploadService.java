package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.parse.FileContent;
import com.zywa.cardstatus.ingest.parse.FileKinds;
import com.zywa.cardstatus.ingest.parse.FileRefusedException;
import com.zywa.cardstatus.ingest.parse.PartnerFileReader;
import com.zywa.cardstatus.ingest.parse.PartnerProfile;
import com.zywa.cardstatus.ingest.parse.RowOutcome;
import com.zywa.cardstatus.ingest.parse.TextEncoding;
import com.zywa.cardstatus.ingest.parse.Upload;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final Partners partners;
    private final String instanceId;
    private final Clock clock = Clock.systemUTC();

    UploadService(EventPublisher publisher, UploadRepository uploads, Partners partners, IngestSettings settings) {
        this.publisher = publisher;
        this.uploads = uploads;
        this.partners = partners;
        this.instanceId = settings.instanceId();
    }

    /**
     * What the uploader asked for, as given at the HTTP or drop-folder boundary (kind, zone and partner not yet
     * checked); {@code source} is {@code http} or {@code inbox}, {@code sha256} may be null, {@code uploadedBy} is
     * who sent it. It becomes an {@link Upload} once the partner is known.
     */
    public record Request(String fileName, String kind, ZoneId zone, String partner, String source, String sha256,
            String uploadedBy) {
    }

    /** Ingests {@code content}, which is read twice: once to check its encoding, once for its rows. */
    public UploadReport ingest(Request request, FileContent content) {
        PartnerProfile profile = partners.profile(request.partner()).inZone(request.zone());
        Upload upload = new Upload(UUID.randomUUID(), profile.name(), request.fileName(), null,
                request.source(), request.sha256(), request.uploadedBy());
        EventType kind;
        try {
            kind = FileKinds.resolve(request.kind(), request.fileName());
        } catch (FileRefusedException e) {
            uploads.start(upload, UploadState.REFUSED, instanceId, clock.instant());
            uploads.finish(upload.id(), UploadState.REFUSED, new UploadTally(), e.getMessage(), clock.instant());
            throw new UploadRefusedException(upload.id(), e);
        }
        Upload typed = upload.withKind(kind);
        uploads.start(typed, UploadState.PROCESSING, instanceId, clock.instant());
        UploadTally tally = new UploadTally();
        try {
            publish(typed, profile.fileReader(), content, tally);
        } catch (FileRefusedException e) {
            uploads.finish(typed.id(), UploadState.REFUSED, tally, e.getMessage(), clock.instant());
            throw new UploadRefusedException(typed.id(), e);
        } catch (RuntimeException e) {
            // the cause's own text may echo what it was given (a database batch echoes the rows it inserted)
            String cause = SafeMessages.rootCause(e);
            log.error("upload {} of '{}' failed after {} rows; nothing from it was applied: {}", typed.id(),
                    typed.fileName(), tally.read(), cause);
            uploads.finish(typed.id(), UploadState.FAILED, tally, "publishing failed after " + tally.read()
                    + " rows and nothing from this file was applied; upload it again (" + cause + ")",
                    clock.instant());
            throw new UploadFailedException(typed.id(), cause, e);
        }
        uploads.finish(typed.id(), UploadState.COMPLETED, tally, null, clock.instant());
        log.info("upload {} of '{}' ({}, partner {}): {} rows, {} accepted, {} rejected, {} warnings", typed.id(),
                typed.fileName(), kind, typed.partner(), tally.read(), tally.accepted(), tally.rejected(),
                tally.warnings());
        return find(typed.id(), 0, 100).orElseThrow();
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
                    batch.rejected(new RejectedRow(upload.id().toString(), upload.partner(), upload.fileName(),
                            rejected.line(), rejected.reason(), rejected.raw()));
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
        });
    }

    /** The completed upload of a drop-folder file with this name and content, if there is one. */
    public Optional<UUID> alreadyIngested(String fileName, String sha256) {
        return uploads.completedInboxUpload(fileName, sha256);
    }

    public Optional<UploadReport> find(UUID uploadId, int page, int size) {
        return uploads.find(uploadId, page, size);
    }

    List<UploadReport> recent(int limit) {
        return uploads.recent(limit);
    }
}
