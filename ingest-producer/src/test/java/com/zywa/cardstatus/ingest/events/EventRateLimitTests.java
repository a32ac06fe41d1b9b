package com.zywa.cardstatus.ingest.events;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /events} per partner over its rate (here 3 events an hour, fastcourier its own 1 an hour): a burst gets
 * 429 with {@code Retry-After} and the error body, and nothing of it is published; another partner is not limited by
 * it.
 */
@WebMvcTest(
        controllers = PartnerEventsController.class,
        properties = {
            "cardstatus.ingest.event-rate.limit=3",
            "cardstatus.ingest.event-rate.period=1h",
            "cardstatus.ingest.event-rate.partners.fastcourier.limit=1"
        })
@Import({IngestAccess.class, EventRates.class})
@EnableConfigurationProperties(EventRateSettings.class)
class EventRateLimitTests {

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
    void answersABurstOverThePartnersRateWith429AndRetryAfterAndLimitsNoOtherPartner() throws Exception {
        when(service.publish(anyList(), any(), any())).thenReturn(new EventResults(1, 0, List.of()));

        send(TestCredentials.PARTNER_KEY, 2).andExpect(status().isOk());
        send(TestCredentials.PARTNER_KEY, 1).andExpect(status().isOk());
        send(TestCredentials.PARTNER_KEY, 1)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1200")) // one of 3 an hour comes back every 20 min
                .andExpect(jsonPath("$.error").value("rate_limited"))
                .andExpect(jsonPath("$.message")
                        .value("partner 'default' sent more than its 3 events per PT1H; send again in 1200 s"));
        send(TestCredentials.FASTCOURIER_KEY, 1).andExpect(status().isOk());
        send(TestCredentials.FASTCOURIER_KEY, 1)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"));

        verify(service, times(3)).publish(anyList(), any(), any());
    }

    private ResultActions send(String key, int events) throws Exception {
        String body = "[" + String.join(",", java.util.Collections.nCopies(events, EVENT)) + "]";
        return mvc.perform(post("/events")
                .header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
