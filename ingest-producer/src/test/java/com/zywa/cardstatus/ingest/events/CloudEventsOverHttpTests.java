package com.zywa.cardstatus.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventIds;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.publish.PhoneSealing;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Collections;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * CloudEvents on {@code POST /events} as a web slice with the real partners and validation (only the Kafka
 * publisher mocked): binary, structured and batch mode give the same event IDs and reasons as our own JSON, and an
 * event of another partner's source, a body that is not a batch, too many events or too many bytes are refused.
 */
@WebMvcTest(PartnerEventsController.class)
@Import({
    IngestAccess.class,
    Partners.class,
    PartnerEventsService.class,
    IngestMetrics.class,
    SimpleMeterRegistry.class,
    EventRates.class,
    PhoneSealing.class,
    CloudEventsOverHttpTests.Settings.class
})
class CloudEventsOverHttpTests {

    private static final String TIME = "2023-11-13T09:34:56Z";
    private static final String DATA = "{\"phone\":\"0585949014\",\"comment\":\"left with the guard\"}";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private EventPublisher publisher;

    @Autowired
    private PhoneVault vault;

    @TestConfiguration
    @EnableConfigurationProperties({IngestSettings.class, EventRateSettings.class})
    static class Settings {

        @Bean
        PhoneVault phoneVault() {
            return InMemoryPhoneKeys.vault();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("cardstatus.ingest.partners.fastcourier.source", () -> "https://fastcourier.example/events");
    }

    @Test
    void binaryModeTakesTheAttributesFromCeHeadersAndTheDataFromTheBody() throws Exception {
        mvc.perform(binary("ce-1", "/partners/default", "com.zywa.card.delivered", "ZYW1")
                        .content(DATA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.results[0].event_id")
                        .value(EventIds.eventId(EventType.DELIVERED, "ZYW1", Instant.parse(TIME), "ce-1")));
        verify(publisher).inTransaction(any());
    }

    @Test
    void publishesTheEventWithItsPhoneSealedAndARejectedEventsRawTextSealedUnderItsPhone() throws Exception {
        EventPublisher.Batch batch = mock(EventPublisher.Batch.class);
        doAnswer(call -> {
                    call.<Consumer<EventPublisher.Batch>>getArgument(0).accept(batch);
                    return null;
                })
                .when(publisher)
                .inTransaction(any());
        String batchBody = "[" + structured("ok", "/partners/default", "com.zywa.card.delivered", "ZYW7") + ","
                + structured("bad", "/partners/default", "com.zywa.card.delivered", "") + "]";

        mvc.perform(post("/events")
                        .header("X-API-Key", TestCredentials.PARTNER_KEY)
                        .contentType(PartnerEventsController.BATCH)
                        .content(batchBody))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(1));

        ArgumentCaptor<CardEvent> event = ArgumentCaptor.forClass(CardEvent.class);
        verify(batch).event(event.capture());
        assertThat(SealedPhones.isSealedPhone(event.getValue().phone())).isTrue();
        assertThat(vault.open(event.getValue().phone())).isEqualTo("+971585949014");
        ArgumentCaptor<RejectedRow> rejected = ArgumentCaptor.forClass(RejectedRow.class);
        verify(batch).rejected(rejected.capture());
        assertThat(rejected.getValue().raw()).doesNotContain("585949014");
        assertThat(vault.open(rejected.getValue().raw())).contains("\"phone\":\"0585949014\"");
    }

    @Test
    void structuredModeGivesTheSameEventAsBinaryMode() throws Exception {
        mvc.perform(post("/events")
                        .header("X-API-Key", TestCredentials.FASTCOURIER_KEY)
                        .contentType(PartnerEventsController.STRUCTURED)
                        .content(structured(
                                "ce-2", "https://fastcourier.example/events", "com.zywa.card.picked-up", "ZYW2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.results[0].event_id")
                        .value(EventIds.eventId(EventType.PICKED_UP, "ZYW2", Instant.parse(TIME), "ce-2")));
    }

    @Test
    void aBatchIsAnsweredPerEventWithTheReasonsOfPostEvents() throws Exception {
        String batch = "["
                + String.join(
                        ",",
                        structured("ok", "/partners/default", "com.zywa.card.returned", "ZYW3"),
                        structured("t", "/partners/default", "com.zywa.card.lost", "ZYW3"),
                        structured("s", "/partners/acme", "com.zywa.card.returned", "ZYW3"),
                        structured("c", "/partners/default", "com.zywa.card.returned", ""),
                        "{\"hello\":\"world\"}")
                + "]";

        mvc.perform(post("/events")
                        .header("X-API-Key", TestCredentials.PARTNER_KEY)
                        .contentType(PartnerEventsController.BATCH)
                        .content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.results[0].status").value("accepted"))
                .andExpect(jsonPath("$.results[1].reason")
                        .value(containsString("type 'com.zywa.card.lost' is not one of")))
                .andExpect(jsonPath("$.results[2].reason")
                        .value(containsString("source '/partners/acme' is not a configured partner's")))
                .andExpect(jsonPath("$.results[3].reason").value("event 3: card ID is empty"))
                .andExpect(jsonPath("$.results[4].reason").value(startsWith("event 4: not a CloudEvent 1.0")));
    }

    @Test
    void binaryModeWithoutARequiredAttributeOrWithDataThatIsNotAnObjectIsRejected() throws Exception {
        mvc.perform(binary("ce-3", "/partners/default", "com.zywa.card.delivered", "ZYW4")
                        .content("[1,2]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].reason").value(containsString("data is not a JSON object")));
        mvc.perform(post("/events")
                        .header("X-API-Key", TestCredentials.PARTNER_KEY)
                        .header("ce-specversion", "1.0")
                        .header("ce-source", "/partners/default")
                        .header("ce-type", "com.zywa.card.delivered")
                        .contentType("application/json")
                        .content(DATA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].reason").value(startsWith("event 0: not a CloudEvent 1.0")));
    }

    @Test
    void answers403ForAnEventOfAnotherPartnersSource() throws Exception {
        mvc.perform(binary("ce-4", "https://fastcourier.example/events", "com.zywa.card.delivered", "ZYW5")
                        .content(DATA))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"))
                .andExpect(jsonPath("$.message").value(containsString("of another partner")));
        verify(publisher, never()).inTransaction(any());
    }

    @Test
    void refusesABatchThatIsNotAnArrayOrHoldsTooManyEventsOrBytes() throws Exception {
        String one = structured("x", "/partners/default", "com.zywa.card.delivered", "ZYW6");
        mvc.perform(batch(one))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_batch"));
        mvc.perform(batch("[" + String.join(",", Collections.nCopies(1_001, one)) + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_batch"))
                .andExpect(jsonPath("$.message").value("send 1 to 1000 events per request; got 1001"));
        mvc.perform(batch("[" + " ".repeat(1024 * 1024) + "]"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value("body_too_large"));
        verify(publisher, never()).inTransaction(any());
    }

    private static MockHttpServletRequestBuilder batch(String body) {
        return post("/events")
                .header("X-API-Key", TestCredentials.PARTNER_KEY)
                .contentType(PartnerEventsController.BATCH)
                .content(body);
    }

    private static MockHttpServletRequestBuilder binary(String id, String source, String type, String subject) {
        return post("/events")
                .header("X-API-Key", TestCredentials.PARTNER_KEY)
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", source)
                .header("ce-type", type)
                .header("ce-time", TIME)
                .header("ce-subject", subject)
                .contentType("application/json");
    }

    private static String structured(String id, String source, String type, String subject) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"time\":\"" + TIME + "\",\"subject\":\"" + subject
                + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + DATA + "}";
    }
}
