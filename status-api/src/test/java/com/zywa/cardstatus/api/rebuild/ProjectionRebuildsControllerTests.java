package com.zywa.cardstatus.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The rebuild endpoints as a web slice: ops only, one rebuild at a time, and the shape ops tools read. */
@WebMvcTest(ProjectionRebuildsController.class)
@Import(LookupAccess.class)
class ProjectionRebuildsControllerTests {

    private static final Instant ASKED = Instant.parse("2026-12-07T12:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ProjectionRebuildRepository rebuilds;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void startsAReprojectionForOpsNamingWhoAsked() {
        given(rebuilds.request("reproject", "ops-test")).willReturn(Optional.of(2));
        given(rebuilds.find(2)).willReturn(Optional.of(requested(2)));

        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/projection/rebuilds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"reproject\"}"))
                .hasStatus(202)
                .hasHeader("Location", "/api/v1/projection/rebuilds/2")
                .bodyJson()
                .isStrictlyEqualTo("""
                {"id":2,"state":"requested","mode":"reproject","requested_by":"ops-test",
                 "requested_at":"2026-12-07T12:00:00Z","started_at":null,"switched_at":null,"finished_at":null,
                 "cancel_requested":false,"records_total":null,"records_read":0,"cards_written":0,
                 "reasons_remapped":0,"heartbeat_at":null,"message":null}""");
    }

    @Test
    void refusesASecondRebuildWhileOneRuns() {
        given(rebuilds.request("reproject", "ops-test")).willReturn(Optional.empty());

        assertThat(mvc.post().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/projection/rebuilds"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("rebuild_running");
    }

    @Test
    void refusesReadersAndModesItCannotRun() {
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/projection/rebuilds"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/projection/rebuilds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"refold\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("mode_not_available");
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/projection/rebuilds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"everything\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_mode");
        verifyNoInteractions(rebuilds);
    }

    @Test
    void listsTheGenerationsAndCancelsOnlyARunningRebuild() {
        ProjectionRebuild current = new ProjectionRebuild(
                1, "current", "initial", "migration V7", ASKED, ASKED, ASKED, ASKED, false, null, 0, 0, 0, null, null);
        given(rebuilds.latest(20)).willReturn(List.of(requested(2), current));
        given(rebuilds.find(1)).willReturn(Optional.of(current));
        given(rebuilds.find(2)).willReturn(Optional.of(requested(2)));
        given(rebuilds.cancel(2)).willReturn(true);

        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/projection/rebuilds"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].state")
                .isEqualTo(List.of("requested", "current"));
        assertThat(mvc.post().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/projection/rebuilds/2/cancel"))
                .hasStatus(202);
        assertThat(mvc.post().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/projection/rebuilds/1/cancel"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("rebuild_not_running");
        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/projection/rebuilds/9"))
                .hasStatus(404);
    }

    private static ProjectionRebuild requested(int id) {
        return new ProjectionRebuild(
                id, "requested", "reproject", "ops-test", ASKED, null, null, null, false, null, 0, 0, 0, null, null);
    }
}
