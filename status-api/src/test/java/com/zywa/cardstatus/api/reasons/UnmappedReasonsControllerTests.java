package com.zywa.cardstatus.api.reasons;

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

/** The unmapped reasons list as a web slice: only ops may read it (raw partner text), in the shape ops tools read. */
@WebMvcTest(UnmappedReasonsController.class)
@Import(LookupAccess.class)
class UnmappedReasonsControllerTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private UnmappedReasonRepository reasons;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void listsEachPartnersUnknownCodesMostCommonFirstForOps() {
        given(reasons.mostCommon(100))
                .willReturn(List.of(
                        new UnmappedReason("swift", "X9", 12, "ZYW1001", Instant.parse("2023-11-15T10:00:00Z")),
                        new UnmappedReason("default", "left with neighbour", 1, "ZYW2002", null)));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/unmapped-reasons"))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("""
                [{"partner":"swift","raw_reason":"X9","cards":12,"example_card":"ZYW1001",
                  "last_seen":"2023-11-15T10:00:00Z"},
                 {"partner":"default","raw_reason":"left with neighbour","cards":1,"example_card":"ZYW2002",
                  "last_seen":null}]""");
    }

    @Test
    void refusesReadersAndABadLimit() {
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/unmapped-reasons"))
                .hasStatus(403);
        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/unmapped-reasons?limit=0"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_limit");
        verifyNoInteractions(reasons);
    }
}
