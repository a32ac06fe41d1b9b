package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.parse.FileKinds;
import com.zywa.cardstatus.ingest.parse.FileRefusedException;
import com.zywa.cardstatus.ingest.parse.PartnerFileReader;
import com.zywa.cardstatus.ingest.parse.RowMapper;
import com.zywa.cardstatus.ingest.parse.RowOutcome;
import com.zywa.cardstatus.ingest.parse.TimestampParser;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests one partner file: streams its rows through the parser and publishes the accepted ones in one Kafka
 * transaction, keeping a report of every row. A refused or failed file applies nothing and says why.
 */
@Service
class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final EventPublisher publisher;
    private final UploadRepository uploads;
    private final PhoneNormalizer phones;
    private final IngestSettings settings;
    private final Clock clock = Clock.systemUTC();

    UploadService(EventPublisher publisher, UploadRepository uploads, PhoneNormalizer phones, IngestSettings settings) {
        this.publisher = publisher;
        this.uploads = uploads;
        this.phones = phones;
        this.settings = settings;
    }

    /** What the uploader asked for: the file, and optionally its kind, time zone and partner. */
    record Request(String fileName, String kind, ZoneId zone, String partner) {
    }

    UploadReport ingest(Request request, InputStream content) {
        String partner = request.partner() == null || request.partner().isBlank()
                ? settings.defaultPartner() : request.partner().strip();
        ReportBuilder report = new ReportBuilder(UUID.randomUUID().toString(), partner, request.fileName(), clock);
        try {
            EventType kind = FileKinds.resolve(request.kind(), request.fileName());
            report.kind(kind);
            uploads.save(report.processing());
            publish(request, content, kind, report);
        } catch (FileRefusedException e) {
            uploads.save(report.ended(UploadState.REFUSED, e.getMessage()));
            throw new UploadRefusedException(report.uploadId(), e);
        } catch (RuntimeException e) {
            log.error("upload {} of '{}' failed; nothing from it was published", report.uploadId(), request.fileName(), e);
            uploads.save(report.ended(UploadState.FAILED, "publishing failed, nothing from this file was applied: "
                    + e.getMessage()));
            throw new UploadFailedException(report.uploadId(), e);
        }
        UploadReport done = report.completed();
        uploads.save(done);
        log.info("upload {} of '{}' ({}): {} rows, {} accepted, {} rejected, {} warnings", done.uploadId(), done.file(),
                done.kind(), done.rowsTotal(), done.rowsAccepted(), done.rowsRejected(), done.warnings().size());
        return done;
    }

    private void publish(Request request, InputStream content, EventType kind, ReportBuilder report) {
        ZoneId zone = request.zone() == null ? settings.partnerZone() : request.zone();
        PartnerFileReader reader = new PartnerFileReader(new RowMapper(phones, new TimestampParser(zone)));
        PartnerFileReader.Upload upload = new PartnerFileReader.Upload(report.partner(),
                report.uploadId(), request.fileName(), kind);
        publisher.inTransaction(batch -> reader.read(content, upload, outcome -> {
            report.count(outcome);
            if (outcome instanceof RowOutcome.Accepted accepted) {
                batch.event(accepted.event());
            } else if (outcome instanceof RowOutcome.Rejected rejected) {
                batch.rejected(new RejectedRow(upload.uploadId(), upload.partner(), upload.fileName(),
                        rejected.line(), rejected.reason(), rejected.raw()));
            }
        }));
    }

    Optional<UploadReport> find(UUID uploadId) {
        return uploads.find(uploadId);
    }
}
