package com.zywa.cardstatus.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerTopicsTests {

    @Test
    void readsEachPartnersOwnTopicAndTheSharedOneUnlessTurnedOff() {
        PartnerTopics topics = new PartnerTopics(Set.of("fastcourier", "default"), true);

        assertThat(topics.names())
                .containsExactly("partner.events.default", "partner.events.fastcourier", "partner.events");
        assertThat(new PartnerTopics(Set.of("default"), false).names()).containsExactly("partner.events.default");
    }

    @Test
    void theTopicNamesItsPartnerAndTheSharedTopicNone() {
        PartnerTopics topics = new PartnerTopics(Set.of("fastcourier", "default"), true);

        assertThat(topics.partnerOf("partner.events.fastcourier")).contains("fastcourier");
        assertThat(topics.partnerOf("partner.events")).isEmpty();
        assertThat(topics.partnerOf("partner.events.acme")).isEmpty();
    }

    @Test
    void refusesAPartnerNameNoTopicCanCarry() {
        assertThatThrownBy(() -> new PartnerTopics(Set.of("fast courier"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partner 'fast courier' cannot have its own Kafka topic");
    }
}
