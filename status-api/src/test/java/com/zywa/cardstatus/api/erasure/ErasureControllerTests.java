package com.zywa.cardstatus.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.api.TestVault;
import com.zywa.cardstatus.api.lookup.ApiSettings;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The erasure endpoints as a web slice (contract §12): ops only; a phone in any form or a card ID, never both or
 * neither; the phone reaches the store only as its keyed hash and the receipt answered holds no phone.
 */
@WebMvcTest(ErasureController.class)
@Import({LookupAccess.class, TestVault.class})
@EnableConfigurationProperties(ApiSettings.class)
class ErasureControllerTests {

    private static final UUID ID = UUID.fromString("0b9f6c1e-8a57-4d8e-9a51-3c1b2f7d6e10");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private PhoneVault vault;

    @MockitoBean
    private ErasureRepository erasures;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void erasesAPhoneInAnyFormByItsHashAndAnswers201WithAReceiptWithoutThePhone() {
        given(erasures.erasePhone("ops-test", vault.hash("+971585949014")))
                .willReturn(receipt(ErasureReceipt.BY_PHONE, null, List.of("ZYW8827"), 1));

        MvcTestResult answer = post(TestCredentials.OPS_KEY, "{\"phone\":\"058 594 9014\"}");

        assertThat(answer)
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/v1/erasures/" + ID)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"id":"%s","at":"2026-12-07T18:00:00Z","caller":"ops-test","by":"phone","card_id":null,
                         "cards":["ZYW8827"],"keys_erased":1,"stores":["kafka:card.status"]}""".formatted(ID));
        assertThat(answer).bodyText().doesNotContain("585949014").doesNotContain(vault.hash("+971585949014"));
    }

    @Test
    void erasesACardsPhonesAndAnswers404ForAnUnknownCard() {
        given(erasures.eraseCard("ops-test", "ZYW8827"))
                .willReturn(Optional.of(receipt(ErasureReceipt.BY_CARD, "ZYW8827", List.of("ZYW8827"), 2)));

        assertThat(post(TestCredentials.OPS_KEY, "{\"card_id\":\" ZYW8827 \"}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .isLenientlyEqualTo("{\"by\":\"card\",\"card_id\":\"ZYW8827\",\"keys_erased\":2}");
        assertThat(post(TestCredentials.OPS_KEY, "{\"card_id\":\"ZYW404\"}"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void refusesNeitherBothAnInvalidPhoneOrCardIdAndAnUnreadableBody() {
        assertError(post(TestCredentials.OPS_KEY, "{}"), "missing_parameter");
        assertError(post(TestCredentials.OPS_KEY, "{\"phone\":\" \"}"), "missing_parameter");
        assertError(
                post(TestCredentials.OPS_KEY, "{\"phone\":\"0585949014\",\"card_id\":\"ZYW8827\"}"), "invalid_request");
        MvcTestResult badPhone = post(TestCredentials.OPS_KEY, "{\"phone\":\"12ab\"}");
        assertError(badPhone, "invalid_phone");
        assertThat(badPhone).bodyText().doesNotContain("12ab");
        assertError(post(TestCredentials.OPS_KEY, "{\"card_id\":\"ZYW 1;drop\"}"), "invalid_card_id");
        assertError(post(TestCredentials.OPS_KEY, "{\"phone\":\"0585949014\""), "invalid_body");
        verifyNoInteractions(erasures);
    }

    @Test
    void refusesABodyOverTheJsonLimitBeforeReadingIt() {
        String phone = "{\"phone\":\"0585949014\",\"pad\":\"" + "x".repeat(InputLimits.JSON_BODY_BYTES) + "\"}";

        assertThat(post(TestCredentials.OPS_KEY, phone))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("body_too_large");
        verifyNoInteractions(erasures);
    }

    @Test
    void onlyOpsMayEraseOrReadReceipts() {
        for (String key :
                List.of(TestCredentials.READER_KEY, TestCredentials.PARTNER_KEY, TestCredentials.METRICS_KEY)) {
            assertThat(post(key, "{\"phone\":\"0585949014\"}")).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().header("X-API-Key", key).uri("/api/v1/erasures"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().header("X-API-Key", key).uri("/api/v1/erasures/" + ID))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post()
                        .uri("/api/v1/erasures")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"0585949014\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        verifyNoInteractions(erasures);
    }

    @Test
    void readsOneReceiptAndTheLatest() {
        ErasureReceipt receipt = receipt(ErasureReceipt.BY_PHONE, null, List.of(), 0);
        given(erasures.find(ID)).willReturn(Optional.of(receipt));
        given(erasures.find(any(UUID.class))).willReturn(Optional.empty());
        given(erasures.find(ID)).willReturn(Optional.of(receipt));
        given(erasures.latest(5)).willReturn(List.of(receipt));

        assertThat(get("/api/v1/erasures/" + ID))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.keys_erased")
                .isEqualTo(0);
        assertThat(get("/api/v1/erasures/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/erasures/not-an-id")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/erasures?limit=5"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.erasures[0].id")
                .isEqualTo(ID.toString());
        assertError(get("/api/v1/erasures?limit=0"), "invalid_limit");
        verify(erasures).latest(5);
    }

    private MvcTestResult post(String key, String body) {
        return mvc.post()
                .uri("/api/v1/erasures")
                .header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult get(String uri) {
        return mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri(uri).exchange();
    }

    private static void assertError(MvcTestResult answer, String error) {
        assertThat(answer)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo(error);
    }

    private static ErasureReceipt receipt(String by, String cardId, List<String> cards, int keys) {
        return new ErasureReceipt(
                ID,
                Instant.parse("2026-12-07T18:00:00Z"),
                "ops-test",
                by,
                cardId,
                cards,
                keys,
                List.of("kafka:card.status"));
    }
}
