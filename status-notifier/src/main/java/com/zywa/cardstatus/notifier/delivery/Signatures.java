package com.zywa.cardstatus.notifier.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} header of Standard Webhooks, made by its reference library: {@code v1,} and the
 * base64 HMAC-SHA256 of {@code id.timestamp.body} with each signing secret, separated by spaces (during a rotation's
 * overlap both the new and the previous secret sign, so receivers may switch at their own pace).
 */
final class Signatures {

    private Signatures() {}

    static String sign(List<String> secrets, String webhookId, long timestampSeconds, String body) {
        return secrets.stream()
                .map(secret -> sign(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            return new Webhook(secret).sign(webhookId, timestampSeconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available to sign webhooks", e);
        }
    }
}
