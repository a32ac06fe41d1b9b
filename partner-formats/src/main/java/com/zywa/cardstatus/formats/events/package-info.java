/**
 * Reading partner events (our JSON form and CloudEvents 1.0, contract §3) into candidates that are validated by the
 * same rules as a CSV row. Plain Java: the protocol bindings (HTTP, Kafka) stay in the ingest service.
 */
@NullMarked
package com.zywa.cardstatus.formats.events;

import org.jspecify.annotations.NullMarked;
