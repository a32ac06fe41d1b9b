package com.zywa.cardstatus.ingest.dropfolder;

import com.zywa.cardstatus.contract.SafeMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files of the inbox that are ready: regular, not hidden or temporary, and unchanged (same size and
 * modification time) since the previous look and for at least the settle time. Files directly in the inbox belong to
 * the default partner; files in {@code inbox/<partner>/} to that partner. Symbolic links, to files or to partner
 * folders, are never followed (whoever may write the inbox must not make ingest read anything else): each is logged
 * once and left alone.
 */
final class DropFolder {

    /** A file ready to ingest, and the partner its folder names (null for the default partner). */
    record Ready(Path file, String partner) {}

    private record Seen(long size, Instant modified) {}

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    private final DropFolderSettings settings;
    private final Map<Path, Seen> lastLook = new HashMap<>();
    private final Set<Path> linksSeen = new HashSet<>();

    DropFolder(DropFolderSettings settings) {
        this.settings = settings;
    }

    List<Ready> ready(Instant now) {
        List<Ready> ready = new ArrayList<>();
        Map<Path, Seen> look = new HashMap<>();
        try (Stream<Path> entries = Files.list(settings.inbox())) {
            for (Path entry : entries.sorted().toList()) {
                if (link(entry)) {
                    continue;
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !hidden(entry)) {
                    try (Stream<Path> files = Files.list(entry)) {
                        files.sorted()
                                .forEach(file ->
                                        consider(file, entry.getFileName().toString(), now, look, ready));
                    }
                } else {
                    consider(entry, null, now, look, ready);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the drop folder " + settings.inbox(), e);
        }
        lastLook.clear();
        lastLook.putAll(look);
        return ready;
    }

    private void consider(Path file, String partner, Instant now, Map<Path, Seen> look, List<Ready> ready) {
        if (link(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || hidden(file) || temporary(file)) {
            return;
        }
        try {
            Seen seen =
                    new Seen(Files.size(file), Files.getLastModifiedTime(file).toInstant());
            look.put(file, seen);
            boolean settled = seen.equals(lastLook.get(file))
                    && seen.modified().plus(settings.settleTime()).isBefore(now);
            if (settled) {
                ready.add(new Ready(file, partner));
            }
        } catch (IOException e) {
            // the file went away or is being replaced between listing and reading: look again next time
        }
    }

    /** Whether {@code entry} is a symbolic link, said once per link. */
    private boolean link(Path entry) {
        if (!Files.isSymbolicLink(entry)) {
            return false;
        }
        if (linksSeen.add(entry)) {
            log.warn(
                    "drop-folder entry {} is a symbolic link: links are not followed, it is left alone",
                    SafeMessages.printable(settings.inbox().relativize(entry).toString()));
        }
        return true;
    }

    private static boolean hidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    private static boolean temporary(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".part")
                || name.endsWith(".tmp")
                || name.endsWith(".filepart")
                || name.endsWith(".crdownload");
    }
}
