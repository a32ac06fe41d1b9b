package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.ingest.InstanceLock;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The {@link UploadLifecycle} of this instance, on Boot's task scheduler: it names uploads after the instance ID
 * whose lock this process holds, and starts its sweeps once the application has started.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UploadConfig {

    @Bean
    UploadLifecycle uploadLifecycle(
            UploadRepository records, TaskScheduler scheduler, InstanceLock lock, EventPublisher publisher) {
        return new UploadLifecycle(records, scheduler, lock.instanceId(), publisher::fence);
    }

    @Bean
    ApplicationRunner uploadSweeps(UploadLifecycle lifecycle) {
        return arguments -> lifecycle.start();
    }
}
