package com.zywa.cardstatus.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.api.TestVault;
import com.zywa.cardstatus.api.audit.LookupAudit;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Lookups per caller over its rate (here 3 an hour for the reader key) get 429 with {@code Retry-After} and are not
 * made; another caller is not limited by it. Each lookup by phone, and each by card answered with a phone, is audited
 * with its caller and card; {@code POST /api/v1/cards/search} takes the phone in its body.
 */
@WebMvcTest(
        controllers = CardStatusController.class,
        properties = {
            "cardstatus.api.lookup-rate.limit=1000",
            "cardstatus.api.lookup-rate.period=1h",
            "cardstatus.api.lookup-rate.callers.reader-test.limit=3"
        })
@Import({CardLookup.class, LookupRates.class, LookupAccess.class, TestVault.class})
@EnableConfigurationProperties({ApiSettings.class, LookupRateSettings.class})
class LookupLimitsAndAuditTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CardRepository cards;

    @MockitoBean
    private LookupAudit audit;

    @Autowired
    private PhoneVault vault;

    @Autowired
    private InMemoryPhoneKeys keys;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void aBurstOfLookupsByOneCallerGets429WithRetryAfterAndAnotherCallerIsNotLimited() {
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", "+971585949014")));
        givenCardsOf("+971585949014", "ZYW8827");

        assertThat(lookup(TestCredentials.READER_KEY, "/api/v1/cards/ZYW8827")).hasStatusOk();
        assertThat(lookup(TestCredentials.READER_KEY, "/get_card_status?user_phone=0585949014"))
                .hasStatusOk();
        assertThat(lookup(TestCredentials.READER_KEY, "/api/v1/cards?phone=0585949014"))
                .hasStatusOk();
        assertThat(lookup(TestCredentials.READER_KEY, "/api/v1/cards/ZYW8827"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasHeader("Retry-After", "1200") // one of 3 an hour comes back every 20 minutes
                .bodyJson()
                .isStrictlyEqualTo("{\"error\":\"rate_limited\",\"message\":\"caller 'reader-test' made more than its 3"
                        + " lookups per PT1H; ask again in 1200 s\"}");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"0585949014\"}"))
                .as("the search by phone is a lookup too")
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(lookup(TestCredentials.OPS_KEY, "/api/v1/cards/ZYW8827"))
                .as("another caller")
                .hasStatusOk();
    }

    @Test
    void auditsLookupsByPhoneAndAnswersHoldingAPhoneWithTheCallerAndTheCard() {
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", "+971585949014")));
        given(cards.findByCardId("ZYW0001")).willReturn(Optional.of(card("ZYW0001", null)));
        givenCardsOf("+971585949014", "ZYW8827", "ZYW8828");

        assertThat(lookup(TestCredentials.OPS_KEY, "/api/v1/cards/ZYW8827")).hasStatusOk();
        assertThat(lookup(TestCredentials.OPS_KEY, "/api/v1/cards/ZYW0001")).hasStatusOk();
        assertThat(lookup(TestCredentials.OPS_KEY, "/get_card_status?user_phone=00971585949014"))
                .hasStatusOk();
        assertThat(lookup(TestCredentials.OPS_KEY, "/get_card_status?user_phone=0501111111"))
                .hasStatus(HttpStatus.NOT_FOUND);

        verify(audit).lookedUpCard("ops-test", "ZYW8827", "+971585949014");
        verify(audit).lookedUpCard("ops-test", "ZYW0001", null);
        verify(audit).lookedUpPhone("ops-test", "+971585949014", List.of("ZYW8827"));
        verify(audit).lookedUpPhone("ops-test", "+971501111111", List.of());
    }

    @Test
    void searchesByThePhoneInTheBodyAsTheGetFormDoes() {
        givenCardsOf("+971585949014", "ZYW8827", "ZYW8828");

        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"0585949014\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].card_id")
                .isEqualTo(List.of("ZYW8827", "ZYW8828"));
        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("missing_parameter");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"0585949014\"}"))
                .as("no credential")
                .hasStatus(HttpStatus.UNAUTHORIZED);
        verify(audit).lookedUpPhone("ops-test", "+971585949014", List.of("ZYW8827", "ZYW8828"));
        verifyNoMoreInteractions(audit);
    }

    private MockMvcTester.MockMvcRequestBuilder lookup(String key, String uri) {
        return mvc.get().header("X-API-Key", key).uri(uri);
    }

    /** A row as the repository reads it: the phone's key joined while the key store holds it. */
    private CardRow card(String cardId, String phone) {
        return new CardRow(
                cardId,
                "DELIVERED",
                Instant.parse("2023-11-13T09:34:56Z"),
                phone,
                null,
                null,
                null,
                null,
                "NONE",
                0,
                1,
                "default",
                Instant.parse("2023-11-13T09:35:00Z"),
                null,
                "[]",
                keys.of(phone));
    }

    /**
     * The cards {@code cardIds} hold {@code phone}, sealed under its key, which finds them by the phone's hash while
     * the key store holds it (as the repository's join does).
     */
    private void givenCardsOf(String phone, String... cardIds) {
        String sealed = vault.seal(phone);
        given(cards.findByPhoneHash(vault.hash(phone)))
                .willAnswer(call -> keys.of(sealed) == null
                        ? List.of()
                        : Arrays.stream(cardIds).map(id -> card(id, sealed)).toList());
    }
}
