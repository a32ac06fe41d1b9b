package com.zywa.cardstatus.ingest.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How soon what ingest consumed from the inbound partner topics is deleted from them (contract §12: they are a
 * transport, not a store; an erasure does not wait for their retention).
 *
 * @param partnerEventsDeleteInterval how often the records of {@code partner.events} and every
 *     {@code partner.events.<name>} that ingest has consumed and committed are deleted from the broker
 */
@ConfigurationProperties("cardstatus.ingest")
record PartnerEventsDeletionSettings(@DefaultValue("30s") Duration partnerEventsDeleteInterval) {}
