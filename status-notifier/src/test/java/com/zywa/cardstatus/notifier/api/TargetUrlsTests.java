package com.zywa.cardstatus.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class TargetUrlsTests {

    private final TargetPolicy targets = new TargetPolicy(false, false, host -> {
        if (host.equals("hooks.example.com")) {
            return new InetAddress[] {InetAddress.getByName("93.184.215.14")};
        }
        if (host.equals("internal.example.com")) {
            return new InetAddress[] {InetAddress.getByName("10.0.0.5")};
        }
        throw new UnknownHostException(host);
    });

    @Test
    void acceptsAnHttpsUrlOfAPublicHost() {
        assertThat(TargetUrls.parse(" https://hooks.example.com/cards ", targets)
                        .getHost())
                .isEqualTo("hooks.example.com");
    }

    @Test
    void answersWhatIsWrongWithAUrlAsAnErrorCode() {
        assertCode(null, "invalid_url");
        assertCode("https://hooks.example.com/" + "x".repeat(TargetUrls.MAX_LENGTH), "invalid_url");
        assertCode("https://hooks example.com/", "invalid_url");
        assertCode("https://internal.example.com/cards", "target_refused");
        assertCode("http://hooks.example.com/cards", "target_refused");
        assertCode("https://nowhere.example.com/cards", "target_unresolvable");
    }

    private void assertCode(String url, String code) {
        assertThatThrownBy(() -> TargetUrls.parse(url, targets))
                .as(url)
                .isInstanceOfSatisfying(
                        SubscriptionException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
