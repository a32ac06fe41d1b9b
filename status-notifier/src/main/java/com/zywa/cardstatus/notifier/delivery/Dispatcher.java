package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.intake.WebhooksEnqueued;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionsChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers the queue: one thread claims, for each active subscription, as many due deliveries as it has free slots
 * ({@code cardstatus.notifier.concurrency} per subscription and instance), and workers attempt them. A slow or dead
 * receiver only ever holds its own subscription's slots, so it never delays another subscription (or the intake,
 * which does not wait for deliveries). The thread wakes when webhooks were enqueued or an attempt ended, else every
 * {@code poll-interval} (for retries coming due and what other instances enqueued).
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final KnownSubscriptions subscriptions;
    private final DeliveryRepository deliveries;
    private final Attempts attempts;
    private final NotifierSettings settings;
    private final Clock clock;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-attempt");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private boolean failing;
    private Thread loop = new Thread(() -> {});

    Dispatcher(
            KnownSubscriptions subscriptions,
            DeliveryRepository deliveries,
            Attempts attempts,
            NotifierSettings settings,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void enqueued(WebhooksEnqueued event) {
        wakeUp();
    }

    void wakeUp() {
        wakeUps.release();
    }

    /** One round: claims and starts what each active subscription has room for. */
    void dispatch() {
        Instant now = clock.instant();
        for (Subscription subscription : subscriptions.at(now)) {
            if (subscription.paused()) {
                continue;
            }
            AtomicInteger busy = inFlight.computeIfAbsent(subscription.id(), id -> new AtomicInteger());
            int free = settings.concurrency() - busy.get();
            if (free <= 0) {
                continue;
            }
            for (PendingDelivery delivery :
                    deliveries.claim(subscription.id(), free, now, now.plus(settings.lease()))) {
                busy.incrementAndGet();
                workers.execute(() -> {
                    try {
                        attempts.attempt(subscription, delivery);
                    } finally {
                        busy.decrementAndGet();
                        wakeUp();
                    }
                });
            }
        }
    }

    /** Claim again at once: a subscription was changed through this instance (resumed, say). */
    @EventListener
    void changed(SubscriptionsChanged event) {
        wakeUp();
    }

    private void run() {
        while (running) {
            try {
                dispatch();
                if (failing) {
                    failing = false;
                    log.info("claiming deliveries works again");
                }
            } catch (RuntimeException e) {
                // once per outage, not every poll interval while PostgreSQL is away
                if (!failing) {
                    log.warn("claiming deliveries failed, trying again: {}", SafeMessages.rootCause(e));
                }
                failing = true;
            }
            try {
                wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        workers.shutdown();
        try {
            loop.join(settings.timeout().toMillis());
            workers.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
