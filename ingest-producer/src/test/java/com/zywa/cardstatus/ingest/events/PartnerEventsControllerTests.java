package com.zywa.cardstatus.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Partner events over HTTP as a web slice with its access rules, the service mocked: every answer and error body,
 * who may send for which partner, in milliseconds.
 */
@WebMvcTest(PartnerEventsController.class)
@Import({IngestAccess.class, EventRates.class})
@EnableConfigurationProperties(EventRateSettings.class)
@ExtendWith(OutputCaptureExtension.class)
class PartnerEventsControllerTests {

    private static final String EVENT =
            "{\"type\":\"DELIVERED\",\"card_id\":\"ZYW1\",\"occurred_at\":\"2023-11-13T09:34:56Z\"}";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private PartnerEventsService service;

    @MockitoBean
    private Partners partners;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void publishesForTheCallersOwnPartnerAndRecordsTheCallersName() throws Exception {
        when(service.publish(anyList(), any(), any())).thenReturn(new EventResults(1, 0, List.of()));

        mvc.perform(post("/events")
                        .with(key(TestCredentials.FASTCOURIER_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + EVENT + "]"))
                .andExpect(status().isOk());
        mvc.perform(post("/events?partner=default")
                        .with(key(TestCredentials.PARTNER_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + EVENT + "]"))
                .andExpect(status().isOk());

        verify(service).publish(anyList(), eq("fastcourier"), eq("partner-fastcourier-test"));
        verify(service).publish(anyList(), eq("default"), eq("partner-default-test"));
    }

    @Test
    void readsTheReasonCodeOfAnEvent() throws Exception {
        when(service.publish(anyList(), any(), any())).thenReturn(new EventResults(1, 0, List.of()));

        mvc.perform(post("/events")
                        .with(key(TestCredentials.PARTNER_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + EVENT.replace("}", ",\"reason\":\"NH\"}") + "]"))
                .andExpect(status().isOk());

        verify(service)
                .publish(
                        argThat(events ->
                                events.size() == 1 && "NH".equals(events.get(0).reason())),
                        eq("default"),
                        eq("partner-default-test"));
    }

    @Test
    void answers403ToAPartnerSendingForAnotherPartner() throws Exception {
        mvc.perform(post("/events?partner=fastcourier")
                        .with(key(TestCredentials.PARTNER_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EVENT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"))
                .andExpect(jsonPath("$.message").isNotEmpty());
        verify(service, never()).publish(anyList(), any(), any());
    }

    @Test
    void answers403ToKeysOfOtherRoles() throws Exception {
        for (String other : List.of(TestCredentials.OPS_KEY, TestCredentials.READER_KEY, TestCredentials.METRICS_KEY)) {
            mvc.perform(post("/events")
                            .with(key(other))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(EVENT))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("forbidden"));
        }
        verify(service, never()).publish(anyList(), any(), any());
    }

    @Test
    void answers401WithoutAKnownKeyBeforeReadingTheBody() throws Exception {
        mvc.perform(post("/events").contentType(MediaType.APPLICATION_JSON).content(EVENT))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(header().exists("WWW-Authenticate"));
        mvc.perform(post("/events")
                        .with(key(TestCredentials.UNKNOWN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bodyOf(1024 * 1024 + 1)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        verify(service, never()).publish(anyList(), any(), any());
    }

    @Test
    void publishesABatchOfEvents() throws Exception {
        when(service.publish(anyList(), any(), any())).thenReturn(new EventResults(1, 0, List.of()));

        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + EVENT + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void answers400ForABodyThatIsNotJsonOrHasNoEvents() throws Exception {
        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_json"));
        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_batch"))
                .andExpect(jsonPath("$.message").value("send 1 to 1000 events per request; got 0"));
        verify(service, never()).publish(anyList(), any(), any());
    }

    @Test
    void answers413ForABodyOverOneMebibyteBeforeParsingIt() throws Exception {
        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bodyOf(1024 * 1024 + 1)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value("body_too_large"))
                .andExpect(jsonPath("$.message").isNotEmpty());
        verify(service, never()).publish(anyList(), any(), any());
    }

    @Test
    void answers413ForAChunkedBodyOverOneMebibyte() throws Exception {
        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bodyOf(3 * 1024 * 1024))
                        .with(withoutContentLength()))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value("body_too_large"));
        verify(service, never()).publish(anyList(), any(), any());
    }

    @Test
    void answers400ForAnUnknownPartner() throws Exception {
        when(service.publish(anyList(), any(), any())).thenThrow(Partners.UnknownPartnerException.class);

        mvc.perform(post("/events?partner=nobody")
                        .with(key(TestCredentials.NOBODY_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + EVENT + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown_partner"));
    }

    @Test
    void answers503WhenKafkaCannotTakeTheEvents() throws Exception {
        when(service.publish(anyList(), any(), any()))
                .thenThrow(new TimeoutException("Timeout expired after 10000ms " + "while awaiting EndTxn(true)"));

        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + EVENT + "]"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("publish_failed"))
                .andExpect(jsonPath("$.message").value(containsString("none of them was applied")));
    }

    @Test
    void refusesMoreThanAThousandEvents() throws Exception {
        String events = "[" + String.join(",", Collections.nCopies(1_001, EVENT)) + "]";

        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(events))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_batch"));
    }

    @Test
    void answers404JsonForAnUnknownPathWithoutAnErrorLog(CapturedOutput output) throws Exception {
        mvc.perform(get("/no/such/path").with(partner()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.message").isNotEmpty());

        assertThat(output).doesNotContain("ERROR");
    }

    @Test
    void answers405And415WithoutAnErrorLog(CapturedOutput output) throws Exception {
        mvc.perform(get("/events").with(partner()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("method_not_allowed"));
        mvc.perform(post("/events")
                        .with(partner())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isUnsupportedMediaType());

        assertThat(output).doesNotContain("ERROR");
    }

    private static RequestPostProcessor partner() {
        return key(TestCredentials.PARTNER_KEY);
    }

    private static RequestPostProcessor key(String apiKey) {
        return request -> {
            request.addHeader("X-API-Key", apiKey);
            return request;
        };
    }

    /** A JSON array of about {@code size} bytes: blanks between brackets, valid JSON that costs nothing to build. */
    private static String bodyOf(int size) {
        return "[" + " ".repeat(size - 2) + "]";
    }

    /** The request as a chunked one: its length is unknown until it is read. */
    private static RequestPostProcessor withoutContentLength() {
        return request -> {
            MockHttpServletRequest chunked =
                    new MockHttpServletRequest(
                            request.getServletContext(), request.getMethod(), request.getRequestURI()) {
                        @Override
                        public int getContentLength() {
                            return -1;
                        }

                        @Override
                        public long getContentLengthLong() {
                            return -1;
                        }
                    };
            chunked.setContentType(request.getContentType());
            chunked.addHeader("X-API-Key", request.getHeader("X-API-Key"));
            chunked.setContent(request.getContentAsByteArray());
            chunked.addHeader("Transfer-Encoding", "chunked");
            return chunked;
        };
    }
}
