package com.zywa.cardstatus.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.zywa.cardstatus.notifier.subscription.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures as receivers check them: with the Standard Webhooks reference library's verifier. */
class SignaturesTests {

    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"msg_1\",\"data\":{\"status\":\"DELIVERED\"}}";

    @Test
    void signsSoTheLibrarysVerifierAcceptsTheWebhook() {
        String secret = Secrets.generate();
        long now = Instant.now().getEpochSecond();

        String signature = Signatures.sign(List.of(secret), "msg_1", now, BODY);

        assertThat(signature).startsWith("v1,");
        assertThatCode(() -> new Webhook(secret).verify(BODY, headers("msg_1", now, signature)))
                .doesNotThrowAnyException();
    }

    @Test
    void signsWithBothSecretsDuringARotationSoEitherVerifies() {
        String previous = Secrets.generate();
        String current = Secrets.generate();
        long now = Instant.now().getEpochSecond();

        String signature = Signatures.sign(List.of(current, previous), "msg_1", now, BODY);

        assertThat(signature.split(" ")).hasSize(2);
        for (String secret : List.of(current, previous)) {
            assertThatCode(() -> new Webhook(secret).verify(BODY, headers("msg_1", now, signature)))
                    .doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> new Webhook(Secrets.generate()).verify(BODY, headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aChangedBodyOrIdNoLongerVerifies() {
        String secret = Secrets.generate();
        long now = Instant.now().getEpochSecond();
        String signature = Signatures.sign(List.of(secret), "msg_1", now, BODY);

        assertThatThrownBy(() -> new Webhook(secret)
                        .verify(BODY.replace("DELIVERED", "RETURNED"), headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers("msg_2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void generatesSecretsOfThirtyTwoRandomBytesInTheStandardForm() {
        String secret = Secrets.generate();

        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Secrets.generate()).isNotEqualTo(secret);
    }

    static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
