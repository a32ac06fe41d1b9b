package com.zywa.cardstatus.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import org.junit.jupiter.api.Test;

/** Only a sealed {@code data.phone} is opened; everything else of a stored webhook is sent byte for byte. */
class WebhookPhonesTests {

    private final PhoneVault vault = InMemoryPhoneKeys.vault();
    private final WebhookPhones phones = new WebhookPhones(vault);

    @Test
    void opensTheSealedPhoneOfTheDataAndNothingElse() {
        String sealed = vault.seal("+971585949014");
        String stored = "{\"id\":\"msg_1\",\"data\":{\"card_id\":\"ZYW8827\",\"comment\":\"" + sealed
                + "\",\"phone\":\"" + sealed + "\"}}";

        String sent = phones.opened(stored);

        assertThat(Json.MAPPER.readTree(sent).get("data").get("phone").asString())
                .isEqualTo("+971585949014");
        assertThat(Json.MAPPER.readTree(sent).get("data").get("comment").asString())
                .as("a comment is the partner's text, not a phone field")
                .isEqualTo(sealed);
    }

    @Test
    void sendsAsStoredAPhoneWrittenBeforeSealingANullPhoneOrAPd1TextOutsideThePhone() {
        String sealed = vault.seal("+971585949014");
        String before = "{\"id\":\"msg_1\",\"data\":{\"comment\":\"" + sealed + "\",\"phone\":\"+971585949014\"}}";
        String none = "{\"id\":\"msg_2\",\"data\":{\"comment\":\"" + sealed + "\",\"phone\":null}}";
        String test = "{\"id\":\"msg_3\",\"data\":{\"message\":\"" + sealed + "\"}}";

        assertThat(phones.opened(before)).isSameAs(before);
        assertThat(phones.opened(none)).isSameAs(none);
        assertThat(phones.opened(test)).isSameAs(test);
    }
}
