package com.zywa.cardstatus.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterRulesTests {

    @Test
    void keepsEachValueOnceAndAcceptsAbsentLists() {
        var filter = FilterRules.filter(request(List.of("DELIVERED", " DELIVERED", "RETURNED"), null, null));

        assertThat(filter.statuses()).containsExactly("DELIVERED", "RETURNED");
        assertThat(filter.partners()).isEmpty();
        assertThat(filter.stalled()).isNull();
    }

    @Test
    void refusesAStatusThePipelineDoesNotKnowAndMalformedCodes() {
        assertThatThrownBy(() -> FilterRules.filter(request(List.of("DELIVERD"), null, null)))
                .hasMessageContaining("statuses: 'DELIVERD' is not one of [PICKED_UP");
        assertThatThrownBy(() -> FilterRules.filter(request(null, List.of("lost; drop table"), null)))
                .hasMessageContaining("reasons");
        assertThatThrownBy(() -> FilterRules.filter(request(null, null, List.of("a partner"))))
                .hasMessageContaining("partners");
    }

    @Test
    void refusesMoreThanFiftyValues() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("REASON_" + i);
        }

        assertThatThrownBy(() -> FilterRules.filter(request(null, many, null))).hasMessageContaining("at most 50");
        assertThat(FilterRules.filter(request(null, many.subList(0, 50), Collections.emptyList()))
                        .reasons())
                .hasSize(50);
    }

    private static SubscriptionRequest request(List<String> statuses, List<String> reasons, List<String> partners) {
        return new SubscriptionRequest("https://example.com", statuses, partners, reasons, null, null, null);
    }
}
