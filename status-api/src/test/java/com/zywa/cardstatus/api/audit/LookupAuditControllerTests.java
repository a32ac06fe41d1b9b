package com.zywa.cardstatus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.api.TestVault;
import com.zywa.cardstatus.api.lookup.ApiSettings;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The lookup audit for ops: entries are written with the phone's HMAC under the configured key, never the phone, and
 * listed to ops only, found by a phone in any form through the same hash.
 */
@WebMvcTest(LookupAuditController.class)
@Import({LookupAccess.class, LookupAudit.class, TestVault.class})
@EnableConfigurationProperties({ApiSettings.class, LookupAuditSettings.class})
class LookupAuditControllerTests {

    static final String KEY = TestVault.HASH_KEY;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private LookupAudit audit;

    @MockitoBean
    private LookupAuditRepository entries;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void recordsTheKeyedHashOfThePhoneNeverThePhone() {
        audit.lookedUpPhone("reader-test", "+971585949014", List.of("ZYW8827", "ZYW8828"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<AuditEntry>> written = ArgumentCaptor.forClass(List.class);
        verify(entries).record(written.capture());
        assertThat(written.getValue())
                .extracting(AuditEntry::caller, AuditEntry::lookup, AuditEntry::cardId, AuditEntry::phoneHash)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reader-test", "phone", "ZYW8827", hmac("+971585949014")),
                        org.assertj.core.groups.Tuple.tuple("reader-test", "phone", "ZYW8828", hmac("+971585949014")));
        assertThat(written.getValue().toString()).doesNotContain("585949014");
    }

    @Test
    void listsEntriesToOpsFoundByAPhoneInAnyFormThroughItsHash() {
        AuditEntry entry = new AuditEntry(
                Instant.parse("2026-12-07T12:00:00Z"), "reader-test", "phone", "ZYW8827", hmac("+971585949014"));
        given(entries.find(null, null, hmac("+971585949014"), null, 100)).willReturn(List.of(entry));

        assertThat(mvc.get()
                        .uri("/api/v1/lookup-audit?phone=00971585949014")
                        .header("X-API-Key", TestCredentials.OPS_KEY))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("{\"entries\":[{\"at\":\"2026-12-07T12:00:00Z\",\"caller\":\"reader-test\","
                        + "\"lookup\":\"phone\",\"card_id\":\"ZYW8827\",\"phone_hash\":\"" + hmac("+971585949014")
                        + "\"}]}");
    }

    @Test
    void answersReadersAndBadFiltersWithoutReadingTheAudit() {
        assertThat(mvc.get().uri("/api/v1/lookup-audit").header("X-API-Key", TestCredentials.READER_KEY))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/lookup-audit?limit=0").header("X-API-Key", TestCredentials.OPS_KEY))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/lookup-audit?since=yesterday").header("X-API-Key", TestCredentials.OPS_KEY))
                .hasStatus(HttpStatus.BAD_REQUEST);
        verifyNoInteractions(entries);
    }

    @Test
    void filtersByCallerAndCard() {
        given(entries.find("reader-test", "ZYW8827", null, Instant.parse("2026-12-01T00:00:00Z"), 10))
                .willReturn(List.of());

        assertThat(mvc.get()
                        .uri(
                                "/api/v1/lookup-audit?caller=reader-test&card_id=ZYW8827&since=2026-12-01T00:00:00Z&limit=10")
                        .header("X-API-Key", TestCredentials.OPS_KEY))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("{\"entries\":[]}");
        verify(entries).find("reader-test", "ZYW8827", null, Instant.parse("2026-12-01T00:00:00Z"), 10);
    }

    private static String hmac(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
