package com.zywa.cardstatus.ingest.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.zywa.cardstatus.contract.CardCommand;
import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Ops decisions about quarantined events and owners as a web slice (contract §11.1): who may, what is sent. */
@WebMvcTest(QuarantineDecisionsController.class)
@Import(IngestAccess.class)
class QuarantineDecisionsControllerTests {

    private static final String EVENT_ID = "7a6b972e-97dd-587c-b497-68e65c5bfd24";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private EventPublisher publisher;

    @MockitoBean
    private Partners partners;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void acceptDiscardAndAssignSendOneCommandEachNamingTheCaller() {
        when(partners.isConfigured("swift")).thenReturn(true);

        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/quarantine/ZYW8890/" + EVENT_ID + "/accept"))
                .hasStatus(202)
                .bodyJson()
                .isStrictlyEqualTo("""
                        {"action":"ACCEPT","card_id":"ZYW8890","event_id":"%s","owner":null}""".formatted(EVENT_ID));
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/quarantine/ZYW8890/" + EVENT_ID + "/discard"))
                .hasStatus(202);
        assertThat(mvc.put()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/cards/ZYW7631/owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"owner\":\"swift\"}"))
                .hasStatus(202);

        assertThat(sent())
                .extracting(CardCommand::action, CardCommand::cardId, CardCommand::eventId, CardCommand::owner)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CardCommand.Action.ACCEPT, "ZYW8890", EVENT_ID, null),
                        org.assertj.core.groups.Tuple.tuple(CardCommand.Action.DISCARD, "ZYW8890", EVENT_ID, null),
                        org.assertj.core.groups.Tuple.tuple(CardCommand.Action.ASSIGN, "ZYW7631", null, "swift"));
        assertThat(sent()).extracting(CardCommand::caller).containsOnly("ops-test");
    }

    @Test
    void refusesOtherRolesAndBadInputSendingNothing() {
        for (String other : List.of(TestCredentials.PARTNER_KEY, TestCredentials.READER_KEY)) {
            assertThat(mvc.post().header("X-API-Key", other).uri("/api/v1/quarantine/ZYW8890/" + EVENT_ID + "/accept"))
                    .hasStatus(403);
            assertThat(mvc.put()
                            .header("X-API-Key", other)
                            .uri("/api/v1/cards/ZYW8890/owner")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"owner\":\"default\"}"))
                    .hasStatus(403);
        }
        assertThat(mvc.post().uri("/api/v1/quarantine/ZYW8890/" + EVENT_ID + "/accept"))
                .hasStatus(401);
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/quarantine/ZYW8890/not-an-id/accept"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_event_id");
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/quarantine/ZYW 8890/" + EVENT_ID + "/discard"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_card_id");
        assertThat(mvc.put()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/cards/ZYW8890/owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"owner\":\"nobody\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("unknown_partner");
        verifyNoInteractions(publisher);
    }

    @Test
    void answers503WhenKafkaCannotTakeTheDecision() {
        doThrow(new TimeoutException("broker down")).when(publisher).inTransaction(any());

        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/quarantine/ZYW8890/" + EVENT_ID + "/accept"))
                .hasStatus(503)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("publish_failed");
    }

    @SuppressWarnings("unchecked")
    private List<CardCommand> sent() {
        ArgumentCaptor<Consumer<EventPublisher.Batch>> work = ArgumentCaptor.forClass(Consumer.class);
        verify(publisher, org.mockito.Mockito.atLeastOnce()).inTransaction(work.capture());
        EventPublisher.Batch batch = mock(EventPublisher.Batch.class);
        work.getAllValues().forEach(each -> each.accept(batch));
        ArgumentCaptor<CardCommand> commands = ArgumentCaptor.forClass(CardCommand.class);
        verify(batch, org.mockito.Mockito.atLeastOnce()).command(commands.capture());
        return commands.getAllValues();
    }
}
