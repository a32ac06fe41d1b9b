package com.zywa.cardstatus.ingest.dropfolder;

import com.zywa.cardstatus.ingest.upload.UploadService;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Watches the drop folder when {@code ingest.drop-folder.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("ingest.drop-folder.enabled")
@EnableScheduling
class DropFolderConfig {

    @Bean
    DropFolderWatcher dropFolderWatcher(DropFolderSettings settings, UploadService uploads) throws IOException {
        return new DropFolderWatcher(settings, uploads);
    }
}
