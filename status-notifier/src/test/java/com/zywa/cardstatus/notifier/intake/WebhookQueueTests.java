package com.zywa.cardstatus.notifier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.notifier.webhook.EventKind;
import com.zywa.cardstatus.notifier.webhook.Webhook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which owed webhooks are news: a replay of what was sent enqueues nothing; a real change does. */
class WebhookQueueTests {

    private static final UUID SUBSCRIPTION = UUID.randomUUID();

    @Test
    void enqueuesNothingWhoseContentWasLastEnqueuedForItsCard() {
        Map<WebhookQueue.Stream, byte[]> last = new HashMap<>();
        last.put(WebhookQueue.Stream.of(webhook("A", "h1")), bytes("h1"));

        assertThat(WebhookQueue.news(List.of(webhook("A", "h1"), webhook("A", "h1")), last))
                .isEmpty();
    }

    @Test
    void enqueuesEachChangeOfACardInOrderAndAChangeBackToo() {
        Map<WebhookQueue.Stream, byte[]> last = new HashMap<>();
        last.put(WebhookQueue.Stream.of(webhook("A", "h1")), bytes("h1"));

        List<Webhook> news = WebhookQueue.news(
                List.of(webhook("A", "h2"), webhook("A", "h2"), webhook("A", "h1"), webhook("B", "h1")), last);

        assertThat(news)
                .extracting(w -> w.cardId() + ":" + new String(w.contentHash()))
                .containsExactly("A:h2", "A:h1", "B:h1");
        assertThat(last.get(WebhookQueue.Stream.of(webhook("A", "h1")))).isEqualTo(bytes("h1"));
    }

    @Test
    void keepsAStallApartFromTheStatusOfTheSameCard() {
        Webhook status = webhook("A", "h1");
        Webhook stall = new Webhook(SUBSCRIPTION, "A", EventKind.STALLED, "msg_s", "{}", bytes("h1"));

        assertThat(WebhookQueue.news(List.of(status, stall), new HashMap<>())).containsExactly(status, stall);
    }

    private static Webhook webhook(String card, String hash) {
        return new Webhook(SUBSCRIPTION, card, EventKind.STATUS_CHANGED, "msg_" + card + hash, "{}", bytes(hash));
    }

    private static byte[] bytes(String hash) {
        return hash.getBytes();
    }
}
