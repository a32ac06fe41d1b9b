package com.zywa.cardstatus.api.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The quarantine list as a web slice (contract §11.1): only ops may read it, in the shape the console reads. */
@WebMvcTest(QuarantineController.class)
@Import(LookupAccess.class)
class QuarantineControllerTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private QuarantineRepository quarantine;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void listsQuarantinedEventsForOps() {
        given(quarantine.oldestFirst(100))
                .willReturn(List.of(new QuarantinedEvent(
                        "ZYW8890",
                        "7a6b972e-97dd-587c-b497-68e65c5bfd24",
                        "default",
                        "swift",
                        "DELIVERED",
                        Instant.parse("2023-11-14T08:00:00Z"),
                        null,
                        "A982",
                        null,
                        "partner-swift",
                        Instant.parse("2023-11-15T10:00:00Z"))));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/quarantine"))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("""
                [{"card_id":"ZYW8890","event_id":"7a6b972e-97dd-587c-b497-68e65c5bfd24","owner":"default",
                  "partner":"swift","status":"DELIVERED","at":"2023-11-14T08:00:00Z","comment":null,
                  "partner_event_id":"A982","raw_reason":null,"caller":"partner-swift",
                  "as_of":"2023-11-15T10:00:00Z"}]""");
    }

    @Test
    void refusesReadersPartnersAndABadLimit() {
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/quarantine"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/quarantine")).hasStatus(401);
        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/quarantine?limit=0"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_limit");
        verifyNoInteractions(quarantine);
    }
}
