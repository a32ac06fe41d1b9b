package com.zywa.cardstatus.ingest.events;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.publish.PhoneSealing;
import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import com.zywa.cardstatus.support.personaldata.PhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /events} while the phones' key store (PostgreSQL) cannot be reached: events with a phone are answered
 * 503 {@code database_unavailable} like every other request the database fails, none published (never with the phone
 * in clear); events without one are still accepted.
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
    EventsWithoutKeyStoreTests.Settings.class
})
class EventsWithoutKeyStoreTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private EventPublisher publisher;

    @TestConfiguration
    @EnableConfigurationProperties({IngestSettings.class, EventRateSettings.class})
    static class Settings {

        /** A vault whose key store's database refuses every connection, as a stopped PostgreSQL does. */
        @Bean
        PhoneVault phoneVault() {
            return new PhoneVault(
                    KeyEncryptionKey.fromJson(KeyEncryptionKey.generateJson()),
                    new PhoneHasher("events-without-key-store-hash-key-000000"),
                    new PhoneKeys(new AbstractDataSource() {
                        @Override
                        public java.sql.Connection getConnection() throws SQLException {
                            throw new SQLException("Connection refused", "08001");
                        }

                        @Override
                        public java.sql.Connection getConnection(String user, String password) throws SQLException {
                            return getConnection();
                        }
                    }));
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void eventsWithAPhoneAreAnswered503AndNonePublished() throws Exception {
        mvc.perform(post("/events")
                        .header("X-API-Key", TestCredentials.PARTNER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + event("ZYW1", ",\"phone\":\"0585949014\"") + "," + event("ZYW2", "") + "]"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("database_unavailable"));
        verify(publisher, never()).inTransaction(any());
    }

    @Test
    void eventsWithoutAPhoneNeedNoKeyStore() throws Exception {
        mvc.perform(post("/events")
                        .header("X-API-Key", TestCredentials.PARTNER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + event("ZYW3", "") + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        verify(publisher).inTransaction(any());
    }

    private static String event(String card, String more) {
        return "{\"type\":\"DELIVERED\",\"card_id\":\"" + card + "\",\"occurred_at\":\"2023-11-13T09:34:56Z\"" + more
                + "}";
    }
}
