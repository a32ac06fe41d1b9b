package com.zywa.cardstatus.ingest.dropfolder;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.upload.UploadFailedException;
import com.zywa.cardstatus.ingest.upload.UploadRefusedException;
import com.zywa.cardstatus.ingest.upload.UploadReport;
import com.zywa.cardstatus.ingest.upload.UploadService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files dropped in the inbox (by SFTP or a shared drive) exactly like uploads, then moves each to
 * {@code processed/} or {@code failed/} with {@code <file>.report.json} beside it. Restart-safe: a file whose
 * content was already ingested completely is only moved, never published twice; a file whose upload failed
 * (Kafka unavailable) stays in the inbox and is tried again. A folder naming no configured partner is said once (its
 * files wait there), not at every look; file names are logged as {@link SafeMessages#printable} writes them.
 */
class DropFolderWatcher {

    /** Who is recorded as the sender of a drop-folder file: it comes with no HTTP caller. */
    static final String DROP_FOLDER = "drop-folder";

    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);

    private final DropFolderSettings settings;
    private final DropFolder folder;
    private final UploadService uploads;
    private final Partners partners;
    private final Set<String> unknownPartners = new HashSet<>();

    DropFolderWatcher(DropFolderSettings settings, UploadService uploads, Partners partners) throws IOException {
        this.settings = settings;
        this.folder = new DropFolder(settings);
        this.uploads = uploads;
        this.partners = partners;
        Files.createDirectories(settings.inbox());
        Files.createDirectories(settings.processed());
        Files.createDirectories(settings.failed());
        log.info("watching drop folder {} every {}", settings.inbox().toAbsolutePath(), settings.pollInterval());
    }

    void poll() {
        for (DropFolder.Ready ready : folder.ready(Instant.now())) {
            if (ready.partner() != null && !partners.isConfigured(ready.partner())) {
                if (unknownPartners.add(ready.partner())) {
                    log.warn(
                            "drop-folder folder inbox/{}/ names no configured partner "
                                    + "(cardstatus.ingest.partners.<name>.*); its files stay there until it is one",
                            SafeMessages.printable(ready.partner()));
                }
                continue;
            }
            try {
                ingest(ready);
            } catch (IOException | RuntimeException e) {
                log.error(
                        "drop-folder file {} could not be handled; it stays in the inbox",
                        SafeMessages.printable(ready.file().toString()),
                        e);
            }
        }
    }

    private void ingest(DropFolder.Ready ready) throws IOException {
        Path file = ready.file();
        String name = file.getFileName().toString();
        String shown = SafeMessages.printable(name);
        String sha256 = sha256(file);
        UUID done = uploads.alreadyIngested(name, sha256).orElse(null);
        if (done != null) {
            log.info("{} was already ingested as upload {}; moving it to processed/", shown, done);
            finish(ready, settings.processed(), done);
            return;
        }
        try {
            UploadReport report = uploads.ingest(
                    new UploadService.Request(name, null, null, ready.partner(), "inbox", sha256, DROP_FOLDER),
                    () -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
            finish(ready, settings.processed(), report.uploadId());
        } catch (UploadRefusedException e) {
            finish(ready, settings.failed(), e.uploadId());
        } catch (UploadFailedException e) {
            log.warn(
                    "{} could not be published (upload {}); it stays in the inbox and is tried again",
                    shown,
                    e.uploadId());
        }
    }

    private void finish(DropFolder.Ready ready, Path targetRoot, UUID uploadId) throws IOException {
        Path target = ready.partner() == null ? targetRoot : targetRoot.resolve(ready.partner());
        Files.createDirectories(target);
        String name = ready.file().getFileName().toString();
        Path destination = target.resolve(name);
        if (Files.exists(destination)) {
            destination = target.resolve(uploadId + "-" + name);
        }
        UploadReport report = uploads.find(uploadId, 0, 1000).orElseThrow();
        Files.writeString(
                target.resolve(destination.getFileName() + ".report.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Files.move(ready.file(), destination, StandardCopyOption.ATOMIC_MOVE);
        log.info(
                "{} -> {} ({}: {} accepted, {} rejected)",
                SafeMessages.printable(name),
                SafeMessages.printable(destination.toString()),
                report.state(),
                report.rowsAccepted(),
                report.rowsRejected());
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(
                Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
