package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Neither a credential nor a full phone number appears in any log line (docs/security.md): a scenario of uploads,
 * events and lookups, good and bad, with API keys and tokens, while every log line the services in this JVM write
 * is captured, then searched for every key and token used and every phone of the data in its national form (which
 * every other form contains).
 */
@ExtendWith(PipelineExtension.class)
class SecretsInLogsIntegrationTests {

    /** The national (9-digit) forms of the phones the scenario uses; E.164 and the other forms contain them. */
    private static final List<String> PHONES =
            List.of("587654329", "587654328", "587654327", "587654326", "587654325", "587654324");

    @Test
    void noLogLineHoldsAKeyATokenOrAFullPhoneNumber(Pipeline pipeline) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        };
        capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root.addAppender(capture);
        List<String> tokens;
        try {
            tokens = scenario(pipeline, new PipelineClient(pipeline));
        } finally {
            root.detachAppender(capture);
        }

        Map<String, String> secrets = new LinkedHashMap<>();
        PHONES.forEach(phone -> secrets.put(phone, "the phone ending in " + phone.substring(6)));
        TestCredentials.KEYS.forEach(key -> secrets.put(key.key(), "API key " + key.name()));
        secrets.put(TestCredentials.UNKNOWN_KEY, "the unknown API key");
        tokens.forEach(token -> secrets.put(token, "a JWT"));
        assertThat(lines).as("captured log lines").isNotEmpty();
        List<String> leaked = secrets.entrySet().stream()
                .filter(secret -> lines.stream().anyMatch(line -> line.contains(secret.getKey())))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(leaked).as("secrets found in log lines").isEmpty();
    }

    /** Uploads, events and lookups by every kind of caller, some refused; returns the tokens it used. */
    private static List<String> scenario(Pipeline pipeline, PipelineClient client) {
        String file = "Card ID,User Mobile,Timestamp\r\nZYWLOG1,0587654329,20-11-2023 10:00\r\n"
                + "ZYWLOG2,+971587654328,20-11-2023 11:00\r\nZYWLOG3,00971587654327,31-02-2024 10:00\r\n"
                + ",971587654326,20-11-2023 10:00\r\nZYWLOG4,58765432,20-11-2023 12:00\r\n";
        assertThat(client.upload("secrets-pickup.csv", file.getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(201);
        client.postJson(pipeline.ingestUrl() + "/events", """
                [{"type":"DELIVERED","card_id":"ZYWLOG1","phone":"+971587654329","occurred_at":"2023-11-21T08:00:00Z"},
                 {"type":"LOST","card_id":"ZYWLOG2","phone":"587654328","occurred_at":"2023-11-21T08:00:00Z"},
                 {"type":"DELIVERED","card_id":"ZYWLOG5","phone":"0587654325x","occurred_at":"2023-11-21T08:00:00Z"}]""");
        String jwt = pipeline.issuer().token("svc-logs", List.of("cardstatus.reader"), null);
        String expired = pipeline.issuer().expiredToken("svc-logs", List.of("cardstatus.reader"));
        String api = pipeline.apiUrl();
        client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/events?partner=fastcourier",
                Map.of("X-API-Key", TestCredentials.PARTNER_KEY),
                MediaType.APPLICATION_JSON,
                "{\"type\":\"PICKED_UP\",\"card_id\":\"ZYWLOG6\",\"phone\":\"587654324\",\"occurred_at\":\"2023-11-20 10:00\"}");
        client.send(
                HttpMethod.GET,
                api + "/get_card_status?user_phone=587654329",
                Map.of("X-API-Key", TestCredentials.UNKNOWN_KEY),
                null,
                null);
        client.send(
                HttpMethod.GET,
                api + "/get_card_status?user_phone=587654329",
                Map.of("Authorization", "Bearer " + expired),
                null,
                null);
        client.send(
                HttpMethod.GET,
                api + "/api/v1/cards?phone=0587654328",
                Map.of("Authorization", "Bearer " + jwt),
                null,
                null);
        client.awaitIdle();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.cardStatus("card_id=ZYWLOG1")
                                .body()
                                .get("status")
                                .asString())
                        .isEqualTo("DELIVERED"));
        for (String phone : List.of(
                "587654329", "0587654329", "+971587654329", "00971587654329", "971587654329", "587654325", "5876543")) {
            client.cardStatus("user_phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        }
        client.cardStatus("card_id=ZYWLOG1&user_phone=587654328");
        client.get(api + "/api/v1/cards?phone=%2B971587654328");
        return List.of(jwt, expired);
    }
}
