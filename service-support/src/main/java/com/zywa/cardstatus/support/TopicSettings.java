package com.zywa.cardstatus.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pipeline's topics are created when missing: partitions (the same for every keyed topic, so they stay
 * co-partitioned) and replication factor.
 */
@ConfigurationProperties("card-status.topics")
public record TopicSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
}
