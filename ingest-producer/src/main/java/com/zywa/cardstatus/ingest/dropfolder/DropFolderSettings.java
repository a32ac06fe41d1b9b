package com.zywa.cardstatus.ingest.dropfolder;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The watched drop folder ({@code cardstatus.ingest.drop-folder.*}): {@code root/inbox} is read, files end in
 * {@code root/processed} or {@code root/failed}. A file is taken only once it has not changed for {@code settleTime},
 * so half-copied files are left alone.
 *
 * @param enabled whether the drop folder is watched
 * @param root the folder holding {@code inbox/}, {@code processed/} and {@code failed/}
 * @param pollInterval how often the inbox is looked at
 * @param settleTime how long a file must stay unchanged before it is read
 */
@ConfigurationProperties(DropFolderSettings.PREFIX)
record DropFolderSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("drop") Path root,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("PT2S") Duration settleTime) {

    static final String PREFIX = "cardstatus.ingest.drop-folder";

    Path inbox() {
        return root.resolve("inbox");
    }

    Path processed() {
        return root.resolve("processed");
    }

    Path failed() {
        return root.resolve("failed");
    }
}
