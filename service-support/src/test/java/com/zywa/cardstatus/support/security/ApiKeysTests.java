package com.zywa.cardstatus.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Presented keys are known by their hash: the right caller for each configured key, nobody for anything else. */
class ApiKeysTests {

    private final ApiKeys keys = new ApiKeys(List.of(
            new SecuritySettings.ApiKey("ops-1", "ops", null, TestCredentials.sha256Hex("key-one")),
            new SecuritySettings.ApiKey("ops-2", "ops", null, TestCredentials.sha256Hex("key-two")),
            new SecuritySettings.ApiKey("courier", "partner", "fastcourier", TestCredentials.sha256Hex("key-three"))));

    @Test
    void knowsEachConfiguredKeyAsItsCaller() {
        assertThat(keys.authenticate("key-one")).get().extracting(Caller::name).isEqualTo("ops-1");
        assertThat(keys.authenticate("key-two")).get().extracting(Caller::name).isEqualTo("ops-2");
        assertThat(keys.authenticate("key-three"))
                .get()
                .extracting(Caller::partner)
                .isEqualTo("fastcourier");
    }

    @Test
    void knowsNoOtherKeyNorTheHashItself() {
        assertThat(keys.authenticate("key-four")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(TestCredentials.sha256Hex("key-one"))).isEmpty();
    }
}
