package com.zywa.cardstatus.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.api.TestVault;
import com.zywa.cardstatus.api.audit.LookupAudit;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.sql.SQLException;
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
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lookup endpoints as a web slice: the real controller, lookup rules, error mapping and access rules, with the
 * projection replaced by a mock, so every answer and error body, and who may ask, is checked in milliseconds. Errors
 * Spring finds before a lookup runs (405, 415...) keep their status, with the same error body.
 */
@WebMvcTest(CardStatusController.class)
@Import({
    CardLookup.class,
    LookupRates.class,
    LookupAccess.class,
    TestVault.class,
    CardStatusControllerTests.JsonOnly.class
})
@EnableConfigurationProperties({ApiSettings.class, LookupRateSettings.class})
class CardStatusControllerTests {

    private static final String HISTORY =
            "[{\"status\":\"PICKED_UP\",\"at\":\"2023-11-12T06:00:00Z\",\"comment\":null},"
                    + "{\"status\":\"DELIVERED\",\"at\":\"2023-11-13T09:34:56Z\",\"comment\":\"at the door\"}]";

    private static final String UNAUTHORIZED = "a valid credential is required: an API key in the X-API-Key header "
            + "or a bearer token (see docs/security.md)";

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
    void answersOpsAsAReader() {
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", "+971585949014")));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/cards/ZYW8827"))
                .hasStatusOk();
    }

    @Test
    void answers401WithoutAKnownKeyWithoutLookingAnythingUp() {
        for (String path : List.of(
                "/get_card_status?card_id=ZYW8827",
                "/api/v1/cards/ZYW8827",
                "/api/v1/cards?phone=0585949014",
                "/nothing/here")) {
            assertError(mvc.get().uri(path), HttpStatus.UNAUTHORIZED, "unauthorized", UNAUTHORIZED);
            assertError(
                    mvc.get().header("X-API-Key", TestCredentials.UNKNOWN_KEY).uri(path),
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    UNAUTHORIZED);
        }
        assertThat(mvc.get().uri("/get_card_status?card_id=ZYW8827")).headers().containsHeader("WWW-Authenticate");
        verifyNoInteractions(cards);
    }

    @Test
    void answers403ToPartnerAndMetricsKeys() {
        for (String key : List.of(TestCredentials.PARTNER_KEY, TestCredentials.METRICS_KEY)) {
            assertThat(mvc.get().header("X-API-Key", key).uri("/get_card_status?card_id=ZYW8827"))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.error")
                    .isEqualTo("forbidden");
        }
        verifyNoInteractions(cards);
    }

    @Test
    void answersACardByIdWithItsHistory() {
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", "+971585949014")));

        assertThat(reader().uri("/get_card_status?card_id=ZYW8827"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                {"card_id":"ZYW8827","user_phone":"+971585949014","status":"DELIVERED",
                 "status_at":"2023-11-13T09:34:56Z","comment":"at the door","delivery_exceptions":0,
                 "history":[{"status":"PICKED_UP","at":"2023-11-12T06:00:00Z"},
                            {"status":"DELIVERED","at":"2023-11-13T09:34:56Z","comment":"at the door"}],
                 "other_cards":[]}""");
    }

    @Test
    void answersTheReasonActionAttemptsPartnerAndAsOfBesideTheV1Fields() {
        given(cards.findByCardId("ZYW8890"))
                .willReturn(Optional.of(new CardRow(
                        "ZYW8890",
                        "DELIVERY_EXCEPTION",
                        Instant.parse("2023-11-13T10:00:00Z"),
                        "+971534534534",
                        "User not available",
                        "RECIPIENT_UNAVAILABLE",
                        null,
                        "RECIPIENT",
                        "CONTACT_CARDHOLDER",
                        1,
                        1,
                        "default",
                        Instant.parse("2023-11-15T10:00:00Z"),
                        Instant.parse("2023-11-17T10:00:00Z"),
                        HISTORY,
                        null)));

        assertThat(reader().uri("/api/v1/cards/ZYW8890"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                {"card_id":"ZYW8890","status":"DELIVERY_EXCEPTION","comment":"User not available",
                 "delivery_exceptions":1,"reason":"RECIPIENT_UNAVAILABLE","raw_reason":null,
                 "responsible":"RECIPIENT","action_required":"CONTACT_CARDHOLDER","attempts":1,"partner":"default",
                 "as_of":"2023-11-15T10:00:00Z","stalled_since":"2023-11-17T10:00:00Z"}""");
    }

    @Test
    void answersACardWrittenBeforeReasonsExistedWithThoseFieldsNull() {
        given(cards.findByCardId("ZYW8890")).willReturn(Optional.of(v1Card("ZYW8890")));

        assertThat(reader().uri("/get_card_status?card_id=ZYW8890"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                {"card_id":"ZYW8890","status":"RETURNED","delivery_exceptions":1,"reason":null,
                 "action_required":null,"attempts":null,"partner":null,"as_of":null}""");
    }

    @Test
    void answersByAnyPhoneFormWithTheOtherCardsOfThatPhone() {
        givenCardsOf("+971585949014", "ZYW2", "ZYW1");

        for (String phone : List.of("585949014", "0585949014", "+971585949014", "00971585949014", "971585949014")) {
            assertThat(reader().uri("/get_card_status").param("user_phone", phone))
                    .hasStatusOk()
                    .bodyJson()
                    .isLenientlyEqualTo("{\"card_id\":\"ZYW2\",\"other_cards\":[\"ZYW1\"]}");
        }
    }

    @Test
    void opensTheSealedPhoneOfEveryAnswer() {
        String sealed = vault.seal("+971585949014");
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", sealed)));
        givenCardsOf("+971585949014", "ZYW8827");

        assertThat(reader().uri("/api/v1/cards/ZYW8827"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.user_phone")
                .isEqualTo("+971585949014");
        assertThat(reader().uri("/get_card_status?card_id=ZYW8827&user_phone=0585949014"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.user_phone")
                .isEqualTo("+971585949014");
        assertThat(reader().uri("/api/v1/cards?phone=0585949014"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].user_phone")
                .isEqualTo("+971585949014");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"0585949014\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].user_phone")
                .isEqualTo("+971585949014");
    }

    @Test
    void aSearchBodyThatIsNotJsonIs400AndOneOverTheLimitIs413() {
        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": 05859"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_json");
        assertThat(mvc.post()
                        .uri("/api/v1/cards/search")
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"" + "0".repeat(1_100_000) + "\"}"))
                .hasStatus(413)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("body_too_large");
    }

    @Test
    void answersACardWhosePhoneKeyIsErasedWithNoPhoneAndItsPhoneFindsNothing() {
        String sealed = vault.seal("+971585949014");
        given(cards.findByCardId("ZYW8827")).willAnswer(call -> Optional.of(card("ZYW8827", sealed)));
        givenCardsOf("+971585949014", "ZYW8827");
        keys.erase(SealedPhones.keyId(sealed));

        assertThat(reader().uri("/api/v1/cards/ZYW8827"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"card_id\":\"ZYW8827\",\"user_phone\":null,\"status\":\"DELIVERED\"}");
        assertThat(reader().uri("/get_card_status?user_phone=0585949014"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("not_found");
        assertThat(reader().uri("/api/v1/cards?phone=0585949014"))
                .hasStatusOk()
                .bodyJson()
                .isEqualTo("[]");
        assertThat(reader().uri("/get_card_status?card_id=ZYW8827&user_phone=0585949014"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesALookupWithoutParameters() {
        assertError(
                reader().uri("/get_card_status"),
                HttpStatus.BAD_REQUEST,
                "missing_parameter",
                "give card_id, user_phone or both");
    }

    @Test
    void refusesAMalformedCardId() {
        assertError(
                reader().uri("/get_card_status?card_id=ZYW 1;drop"),
                HttpStatus.BAD_REQUEST,
                "invalid_card_id",
                "card_id 'ZYW 1;drop' must be 1-64 letters, digits, '-' or '_'");
    }

    @Test
    void refusesAPhoneInScientificNotation() {
        assertError(
                reader().uri("/get_card_status").param("user_phone", "9.71535E+11"),
                HttpStatus.BAD_REQUEST,
                "invalid_phone",
                "user_phone '9.71535E+11' is in scientific notation; send the digits, e.g. 585949014");
    }

    @Test
    void refusesAPhoneWithoutDigits() {
        assertThat(reader().uri("/get_card_status?user_phone=abc"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_phone");
    }

    @Test
    void answers404ForAnUnknownCardOrPhoneWithoutShowingThePhone() {
        assertError(
                reader().uri("/get_card_status?card_id=ZYW404"),
                HttpStatus.NOT_FOUND,
                "not_found",
                "no card with ID ZYW404");
        MvcTestResult byPhone =
                reader().uri("/get_card_status?user_phone=0501234567").exchange();
        assertThat(byPhone)
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("not_found");
        assertThat(byPhone).bodyText().doesNotContain("501234567");
    }

    @Test
    void answers404WhenTheCardIsNotRegisteredToThatPhone() {
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", "+971585949014")));

        MvcTestResult answer = reader().uri("/get_card_status?card_id=ZYW8827&user_phone=0501234567")
                .exchange();

        assertThat(answer)
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("not_found");
        assertThat(answer).bodyText().doesNotContain("501234567");
    }

    @Test
    void servesTheResourceStyleEndpoints() {
        given(cards.findByCardId("ZYW8827")).willReturn(Optional.of(card("ZYW8827", "+971585949014")));
        givenCardsOf("+971585949014", "ZYW8827");

        assertThat(reader().uri("/api/v1/cards/ZYW8827"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("DELIVERED");
        assertThat(reader().uri("/api/v1/cards?phone=0585949014"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].card_id")
                .isEqualTo("ZYW8827");
        assertError(reader().uri("/api/v1/cards/ZYW404"), HttpStatus.NOT_FOUND, "not_found", "no card with ID ZYW404");
    }

    @Test
    void answersUnknownPathsAndMethodsWithAnErrorBody() {
        assertError(
                reader().uri("/nothing/here"),
                HttpStatus.NOT_FOUND,
                "not_found",
                "nothing at GET /nothing/here; see /swagger-ui.html for this service's API");
        assertError(
                mvc.post().header("X-API-Key", TestCredentials.READER_KEY).uri("/get_card_status?card_id=ZYW1"),
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "Request method 'POST' is not supported");
    }

    @Test
    void keeps415ForABodyOfATypeAnEndpointDoesNotRead() {
        assertError(
                mvc.post()
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .uri("/json-only")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("not json"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Content-Type 'text/plain' is not supported");
    }

    @Test
    void answers503QuicklyWhenTheDatabaseCannotBeReached() {
        given(cards.findByCardId("ZYW8827"))
                .willThrow(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC " + "Connection",
                        new SQLException("Connection to 127.0.0.1:5432 refused")));

        assertError(
                reader().uri("/get_card_status?card_id=ZYW8827"),
                HttpStatus.SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the database cannot be reached right now, so nothing was done; try again in a moment");
    }

    @Test
    void answersAnUnexpectedFailureWithoutAStackTrace() {
        given(cards.findByCardId("ZYW8827")).willThrow(new IllegalStateException("connection refused"));

        MvcTestResult answer = reader().uri("/get_card_status?card_id=ZYW8827").exchange();

        assertThat(answer)
                .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("internal_error");
        assertThat(answer).bodyText().doesNotContain("at com.").doesNotContain("connection refused");
    }

    private MockMvcTester.MockMvcRequestBuilder reader() {
        return mvc.get().header("X-API-Key", TestCredentials.READER_KEY);
    }

    private void assertError(
            MockMvcTester.MockMvcRequestBuilder request, HttpStatus status, String code, String message) {
        assertThat(request)
                .hasStatus(status)
                .bodyJson()
                .isStrictlyEqualTo("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    /** An endpoint that reads a JSON body, which no lookup does: the 415 a client gets from any such endpoint. */
    @RestController
    static class JsonOnly {

        @PostMapping(path = "/json-only", consumes = MediaType.APPLICATION_JSON_VALUE)
        String take(@RequestBody String body) {
            return body;
        }
    }

    /** A row as the repository reads it: the phone's key joined while the key store holds it. */
    private CardRow card(String cardId, String phone) {
        return new CardRow(
                cardId,
                "DELIVERED",
                Instant.parse("2023-11-13T09:34:56Z"),
                phone,
                "at the door",
                null,
                null,
                null,
                "NONE",
                0,
                1,
                "default",
                Instant.parse("2023-11-13T09:35:00.120Z"),
                null,
                HISTORY,
                keys.of(phone));
    }

    /** A row written before contract §10: none of its fields. */
    private static CardRow v1Card(String cardId) {
        return new CardRow(
                cardId,
                "RETURNED",
                Instant.parse("2023-11-14T08:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                null,
                null,
                null,
                null,
                HISTORY,
                null);
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
