package com.zywa.cardstatus.ingest.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.upload.UploadService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the drop folder never does: follow a symbolic link (to a file or to a partner folder) out of the inbox, or say
 * at every look that a folder names no configured partner; and a file name cannot forge a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class DropFolderWatcherTests {

    @TempDir
    Path root;

    private final UploadService uploads = mock(UploadService.class);

    @Test
    void followsNoSymbolicLinkAndSaysSoOnce(CapturedOutput log) throws IOException {
        DropFolderSettings settings = settings();
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        Path secrets = Files.writeString(outside.resolve("secrets.csv"), "not for ingest\n");
        Files.setLastModifiedTime(secrets, FileTime.from(Instant.now().minusSeconds(60)));
        Files.createDirectories(settings.inbox());
        Files.createSymbolicLink(settings.inbox().resolve("linked.csv"), outside.resolve("secrets.csv"));
        Files.createSymbolicLink(settings.inbox().resolve("default"), outside);
        Path real = Files.writeString(settings.inbox().resolve("real.csv"), "ID,Card ID\n");
        Files.setLastModifiedTime(real, FileTime.from(Instant.now().minusSeconds(60)));
        DropFolder folder = new DropFolder(settings);

        folder.ready(Instant.now());
        assertThat(folder.ready(Instant.now()))
                .extracting(DropFolder.Ready::file)
                .containsExactly(real);
        folder.ready(Instant.now());

        assertThat(log.getOut().lines().filter(line -> line.contains("is a symbolic link")))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("drop-folder entry linked.csv is a symbolic link"))
                .anySatisfy(line -> assertThat(line).contains("drop-folder entry default is a symbolic link"));
    }

    @Test
    void aFolderOfNoConfiguredPartnerIsSaidOnceWithoutAStackTrace(CapturedOutput log) throws IOException {
        DropFolderSettings settings = settings();
        Path ghost = Files.createDirectories(settings.inbox().resolve("ghost\nERROR forged"));
        Path file = Files.writeString(ghost.resolve("a.csv"), "ID,Card ID\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        DropFolderWatcher watcher = new DropFolderWatcher(settings, uploads, partners());

        for (int look = 0; look < 4; look++) {
            watcher.poll();
        }

        assertThat(log.getOut().lines().filter(line -> line.contains("names no configured partner")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("inbox/ghost\\u000aERROR forged/"));
        assertThat(log.getOut()).doesNotContain("\nERROR forged").doesNotContain("Exception");
        assertThat(file).exists();
        verifyNoInteractions(uploads);
    }

    private DropFolderSettings settings() {
        return new DropFolderSettings(true, root.resolve("drop"), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /** The partners ingest knows: the default one only. */
    private static Partners partners() {
        Partners partners = mock(Partners.class);
        when(partners.isConfigured("default")).thenReturn(true);
        return partners;
    }
}
