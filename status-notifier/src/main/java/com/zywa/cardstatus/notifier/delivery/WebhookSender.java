package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import com.zywa.cardstatus.notifier.targets.TargetRefusedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one webhook and says how it went, never throwing for the receiver's sake: a POST of the body with the Standard
 * Webhooks headers, a fresh {@code webhook-timestamp} and its signatures per attempt. Every connection goes through
 * the {@link TargetPolicy}'s resolver; redirects are not followed (a redirect could lead anywhere); an attempt is
 * cut off after the configured timeout as a whole, however slowly the receiver trickles its answer.
 */
public final class WebhookSender implements AutoCloseable {

    static final String REFUSED = "target refused: ";
    private static final ContentType CLOUDEVENT =
            ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8);

    private final TargetPolicy targets;
    private final Duration timeout;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookSender(TargetPolicy targets, Duration timeout, Clock clock) {
        this.targets = targets;
        this.timeout = timeout;
        this.clock = clock;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(targets.dnsResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setMaxConnPerRoute(64)
                        .setMaxConnTotal(1024)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("card-status-notifier")
                .build();
    }

    /** POSTs {@code body} to {@code url}, signed with each of {@code secrets}. */
    public AttemptResult send(URI url, String webhookId, String body, List<String> secrets) {
        long started = System.nanoTime();
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", webhookId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", Signatures.sign(secrets, webhookId, timestamp, body));
        post.setEntity(new StringEntity(body, CLOUDEVENT));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            targets.checkForm(url);
            try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
                String excerpt = ResponseExcerpt.read(
                        response.getEntity() == null
                                ? null
                                : response.getEntity().getContent());
                int status = response.getCode();
                return new AttemptResult(status, millisSince(started), status / 100 == 2 ? null : why(status), excerpt);
            }
        } catch (IOException e) {
            return new AttemptResult(null, millisSince(started), error(e, post.isCancelled()), null);
        } finally {
            deadline.cancel(false);
        }
    }

    private String error(IOException e, boolean cutOff) {
        if (e instanceof TargetRefusedException) {
            return REFUSED + e.getMessage();
        }
        if (cutOff || e instanceof InterruptedIOException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host: " + SafeMessages.safe(String.valueOf(e.getMessage()));
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + SafeMessages.safe(String.valueOf(e.getMessage()));
        }
        return SafeMessages.rootCause(e);
    }

    private static String why(int status) {
        return status / 100 == 3 ? "answered " + status + " (redirects are not followed)" : "answered " + status;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
