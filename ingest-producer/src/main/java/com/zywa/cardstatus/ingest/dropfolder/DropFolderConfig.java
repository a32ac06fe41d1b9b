package com.zywa.cardstatus.ingest.dropfolder;

import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.upload.UploadService;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Watches the drop folder, every {@link DropFolderSettings#pollInterval()}, when it is enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DropFolderSettings.PREFIX + ".enabled")
@EnableScheduling
class DropFolderConfig {

    @Bean
    DropFolderWatcher dropFolderWatcher(DropFolderSettings settings, UploadService uploads, Partners partners)
            throws IOException {
        return new DropFolderWatcher(settings, uploads, partners);
    }

    @Bean
    SchedulingConfigurer dropFolderSchedule(DropFolderWatcher watcher, DropFolderSettings settings) {
        return tasks -> tasks.addFixedDelayTask(watcher::poll, settings.pollInterval());
    }
}
