package com.zywa.cardstatus.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.api.LookupAccess;
import com.zywa.cardstatus.api.audit.LookupAudit;
import com.zywa.cardstatus.support.security.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Secure by default: with no API key and no issuer configured, every lookup is refused and the start says why. */
@WebMvcTest(CardStatusController.class)
@Import({CardLookup.class, LookupRates.class, LookupAccess.class})
@EnableConfigurationProperties({ApiSettings.class, LookupRateSettings.class})
@ExtendWith(OutputCaptureExtension.class)
class NoCredentialsConfiguredTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CardRepository cards;

    @MockitoBean
    private LookupAudit audit;

    @Test
    void refusesEveryLookupWith401AndWarnsOnceAtStart(CapturedOutput startAndRequests) {
        assertThat(mvc.get().uri("/get_card_status?card_id=ZYW8827")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().header("X-API-Key", TestCredentials.READER_KEY).uri("/api/v1/cards/ZYW8827"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("unauthorized");
        verifyNoInteractions(cards);
        assertThat(startAndRequests
                        .getOut()
                        .split("WARN .* no API key \\(cardstatus.security.api-keys\\) and no JWT " + "issuer", -1))
                .as("the WARN at start, once")
                .hasSize(2);
    }
}
