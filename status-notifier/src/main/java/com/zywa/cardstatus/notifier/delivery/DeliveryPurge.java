package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.notifier.NotifierSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes attempts and delivered webhooks older than {@code cardstatus.notifier.retention} every hour, in batches so
 * no statement holds many rows; pending deliveries are never purged, and redelivery reaches back as far as this.
 */
@Component
class DeliveryPurge {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPurge.class);
    private static final int BATCH = 10_000;

    private final DeliveryRepository deliveries;
    private final NotifierSettings settings;
    private final Clock clock;

    DeliveryPurge(DeliveryRepository deliveries, NotifierSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purge() {
        long total = 0;
        for (int purged = BATCH; purged >= BATCH; total += purged) {
            purged = deliveries.purge(clock.instant().minus(settings.retention()), BATCH);
        }
        if (total > 0) {
            log.info("purged {} attempts and delivered webhooks older than {}", total, settings.retention());
        }
    }
}
