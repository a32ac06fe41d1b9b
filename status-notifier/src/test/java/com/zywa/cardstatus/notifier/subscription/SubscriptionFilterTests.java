package com.zywa.cardstatus.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SubscriptionFilterTests {

    /** A status as today's processor writes it: no reason, partner or stall. */
    private static final JsonNode V1 = json("""
            {"card_id":"ZYW8827","status":"DELIVERY_EXCEPTION","status_at":"2023-11-13T09:34:56Z",
             "phone":"+971585949014","comment":"User not available","delivery_exceptions":1,"version":2,
             "history":[]}""");

    /** A status as status v2 will write it: reason, action, partner, as_of, and a stall. */
    private static final JsonNode V2 = json("""
            {"card_id":"ZYW8827","status":"DELIVERY_EXCEPTION","status_at":"2023-11-13T09:34:56Z",
             "phone":"+971585949014","comment":"User not available","delivery_exceptions":1,"version":2,
             "reason":"RECIPIENT_UNAVAILABLE","action_required":"CONTACT_CARDHOLDER","attempts":1,
             "partner":"fastcourier","as_of":"2023-11-13T09:35:00Z","stalled_since":"2023-11-15T09:35:00Z",
             "history":[]}""");

    @Test
    void acceptsEverythingWithoutFilters() {
        assertThat(SubscriptionFilter.everything().matches(V1, false)).isTrue();
        assertThat(SubscriptionFilter.everything().matches(V2, false)).isTrue();
        assertThat(SubscriptionFilter.everything().matches(V1, true)).isTrue();
    }

    @Test
    void acceptsOnlyTheListedStatuses() {
        assertThat(filter(List.of("DELIVERY_EXCEPTION", "RETURNED"), List.of(), List.of(), List.of(), null)
                        .matches(V1, false))
                .isTrue();
        assertThat(filter(List.of("DELIVERED"), List.of(), List.of(), List.of(), null)
                        .matches(V1, false))
                .isFalse();
    }

    @Test
    void filtersOnStatusV2FieldsAndRefusesARecordWithoutThem() {
        SubscriptionFilter wantsCallbacks = filter(
                List.of(),
                List.of("fastcourier"),
                List.of("RECIPIENT_UNAVAILABLE"),
                List.of("CONTACT_CARDHOLDER"),
                null);

        assertThat(wantsCallbacks.matches(V2, false)).isTrue();
        assertThat(wantsCallbacks.matches(V1, false))
                .as("a v1 record has no reason")
                .isFalse();
        assertThat(filter(List.of(), List.of("default"), List.of(), List.of(), null)
                        .matches(V2, false))
                .isFalse();
        assertThat(filter(List.of(), List.of(), List.of(), List.of("REISSUE_CARD"), null)
                        .matches(V2, false))
                .isFalse();
    }

    @Test
    void stalledMeansAStallEventOrAStatusWithStalledSince() {
        SubscriptionFilter stalled = filter(List.of(), List.of(), List.of(), List.of(), true);
        SubscriptionFilter notStalled = filter(List.of(), List.of(), List.of(), List.of(), false);

        assertThat(stalled.matches(V2, false)).isTrue();
        assertThat(stalled.matches(V1, true)).as("a card.stalled event").isTrue();
        assertThat(stalled.matches(V1, false)).isFalse();
        assertThat(notStalled.matches(V1, false)).isTrue();
        assertThat(notStalled.matches(V2, false)).isFalse();
        assertThat(notStalled.matches(json("{\"status\":\"PICKED_UP\",\"stalled_since\":null}"), false))
                .as("a cleared stall")
                .isTrue();
    }

    @Test
    void comparesWholeValuesOnly() {
        assertThat(filter(List.of("DELIVER"), List.of(), List.of(), List.of(), null)
                        .matches(json("{\"status\":\"DELIVERED\"}"), false))
                .isFalse();
        assertThat(filter(List.of("DELIVERED"), List.of(), List.of(), List.of(), null)
                        .matches(json("{\"status\":[\"DELIVERED\"]}"), false))
                .isFalse();
    }

    private static SubscriptionFilter filter(
            List<String> statuses, List<String> partners, List<String> reasons, List<String> actions, Boolean stalled) {
        return new SubscriptionFilter(statuses, partners, reasons, actions, stalled);
    }

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }
}
