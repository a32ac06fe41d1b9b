package com.zywa.cardstatus.ingest.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which inbound partner topics ingest reads ({@code cardstatus.ingest.partner-topics.*}, contract §11.3). Every
 * configured partner's own {@code partner.events.<name>} is always read.
 *
 * @param shared whether the shared {@code partner.events} is read too, where a record's own {@code source} names its
 *     partner: turn it off where partners authenticate to Kafka, so that only the broker says who wrote a record
 */
@ConfigurationProperties("cardstatus.ingest.partner-topics")
record PartnerTopicSettings(@DefaultValue("true") boolean shared) {}
