package com.zywa.cardstatus.api.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.api.TestVault;
import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The work-queue search as a web slice: filters read into the query the repository runs, the page and its cursor,
 * the CSV export, and who may ask; the projection is a mock.
 */
@WebMvcTest({CardSearchController.class, QueueCountsController.class})
@Import({LookupAccess.class, TestVault.class})
@EnableConfigurationProperties(QueueSettings.class)
class CardSearchControllerTests {

    private static final Instant CHANGED = Instant.parse("2023-11-16T10:00:00.123456Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CardSearchRepository cards;

    @MockitoBean
    private QueueCounts counts;

    @Autowired
    private PhoneVault vault;

    @Autowired
    private InMemoryPhoneKeys keys;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void readsTheFiltersAndAnswersAPageWithTheCursorOfTheNext() {
        given(cards.page(any())).willReturn(found(null, card("ZYW1", "=cmd()"), card("ZYW2", null)));

        assertThat(mvc.get()
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .uri("/api/v1/cards?status=DELIVERY_EXCEPTION&partner=swift,default"
                                + "&action_required=contact_cardholder&stalled=true"
                                + "&updated_since=2023-11-01T00:00:00Z&limit=2"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.cards[0].user_phone")
                .isEqualTo("+971******014");

        ArgumentCaptor<CardQuery> asked = ArgumentCaptor.forClass(CardQuery.class);
        verify(cards).page(asked.capture());
        assertThat(asked.getValue().statuses()).containsExactly(EventType.DELIVERY_EXCEPTION);
        assertThat(asked.getValue().partners()).containsExactly("swift", "default");
        assertThat(asked.getValue().actions()).containsExactly(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(asked.getValue().stalled()).isTrue();
        assertThat(asked.getValue().updatedSince()).isEqualTo(Instant.parse("2023-11-01T00:00:00Z"));
        assertThat(asked.getValue().limit()).isEqualTo(2);
        assertThat(asked.getValue().cursor()).isNull();
    }

    @Test
    void opensAndMasksEachPhoneOfAPageAndAnswersNoneForAnErasedOne() {
        String kept = vault.seal("+971585949014");
        String erased = vault.seal("+971501234567");
        keys.erase(SealedPhones.keyId(erased));
        given(cards.page(any()))
                .willReturn(found(
                        null,
                        card("ZYW1", null).withMaskedPhone(kept),
                        card("ZYW2", null).withMaskedPhone(erased),
                        card("ZYW3", null).withMaskedPhone("+971507654321")));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.cards[*].user_phone")
                .isEqualTo(java.util.Arrays.asList("+971******014", null, "+971******321"));
        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/cards.csv"))
                .hasStatusOk()
                .bodyText()
                .contains("ZYW1,DELIVERY_EXCEPTION,2023-11-15T10:00:00Z,'+971******014,")
                .contains("ZYW2,DELIVERY_EXCEPTION,2023-11-15T10:00:00Z,,")
                .doesNotContain("pd1.", "585949014", "501234567");
    }

    @Test
    void handsOutTheRepositorysCursorAndReadsItBackForTheNextPage() {
        QueueCursor next = new QueueCursor("1000:1002:1001", Instant.now(), CHANGED, "ZYW2");
        given(cards.page(any()))
                .willReturn(found(next, card("ZYW1", null), card("ZYW2", null)))
                .willReturn(found(null, card("ZYW3", null)));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards?limit=2"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.next_cursor")
                .isEqualTo(next.encode());
        assertThat(mvc.get()
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .uri("/api/v1/cards?limit=2&cursor=" + next.encode()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.next_cursor")
                .isNull();
        ArgumentCaptor<CardQuery> asked = ArgumentCaptor.forClass(CardQuery.class);
        verify(cards, org.mockito.Mockito.times(2)).page(asked.capture());
        assertThat(asked.getAllValues().get(1).cursor()).isEqualTo(next);
    }

    @Test
    void aCursorOlderThanItsTimeToLiveOrOpenedBeforeARebuildIsGone() {
        QueueCursor old = new QueueCursor("1000:1000:", Instant.now().minusSeconds(2 * 3600), CHANGED, "ZYW2");
        assertThat(mvc.get()
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .uri("/api/v1/cards?cursor=" + old.encode()))
                .hasStatus(410)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("cursor_expired");
        verifyNoInteractions(cards);

        QueueCursor recent = new QueueCursor("1000:1000:", Instant.now(), CHANGED, "ZYW2");
        given(cards.page(any())).willThrow(new CursorExpiredException("the projection was rebuilt"));
        assertThat(mvc.get()
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .uri("/api/v1/cards?cursor=" + recent.encode()))
                .hasStatus(410)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("cursor_expired");
    }

    @Test
    void refusesALimitOverFiveHundredAnUnknownFilterValueAndAForgedCursor() {
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards?limit=501"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_limit");
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards?status=LOST"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_filter");
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards?cursor=bm9wZQ"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_cursor");
        // a snapshot PostgreSQL would refuse (an in-progress ID beyond xmax) is a bad cursor, not a failed query
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "2|1700000000.0|10:20:25|1700000000.0|ZYW1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards?cursor=" + forged))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_cursor");
        verifyNoInteractions(cards);
    }

    @Test
    void streamsTheSelectionAsCsvForOpsWithFormulasAsText() {
        given(cards.page(any()))
                .willReturn(found(null, card("ZYW1", "=HYPERLINK(\"x\")"), card("ZYW2", "late, again")));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/cards.csv?stalled=true"))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/csv")
                .bodyText()
                .startsWith(CsvCards.HEADER)
                .contains(
                        "ZYW1,DELIVERY_EXCEPTION,2023-11-15T10:00:00Z,'+971******014,swift,OTHER,\"'=HYPERLINK(\"\"x\"\")\"")
                .contains(",\"late, again\",");
    }

    @Test
    void theCsvIsForOpsAndTheSearchForReadersButNotPartners() {
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards.csv"))
                .hasStatus(403);
        assertThat(mvc.get().header("X-API-Key", TestCredentials.PARTNER_KEY).uri("/api/v1/cards"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/cards")).hasStatus(401);
        verifyNoInteractions(cards);
    }

    @Test
    void answersTheLastCountOfTheQueueToReaders() {
        given(counts.last())
                .willReturn(new QueueCounts.Snapshot(
                        CHANGED, List.of(new QueueCount("swift", "DELIVERY_EXCEPTION", "FIX_ADDRESS", 7, 2))));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/card-counts"))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("""
                        {"as_of":"2023-11-16T10:00:00.123456Z","counts":[{"partner":"swift",
                         "status":"DELIVERY_EXCEPTION","action_required":"FIX_ADDRESS","cards":7,"stalled":2}]}""");
    }

    private static CardSearchRepository.Found found(QueueCursor next, QueuedCard... page) {
        return new CardSearchRepository.Found(List.of(page), next);
    }

    private static QueuedCard card(String id, String rawReason) {
        return new QueuedCard(
                id,
                "DELIVERY_EXCEPTION",
                Instant.parse("2023-11-15T10:00:00Z"),
                "+971******014",
                "swift",
                "OTHER",
                rawReason,
                "UNKNOWN",
                "CONTACT_CARDHOLDER",
                1,
                Instant.parse("2023-11-16T09:00:00Z"),
                Instant.parse("2023-11-16T10:00:00Z"),
                CHANGED);
    }
}
