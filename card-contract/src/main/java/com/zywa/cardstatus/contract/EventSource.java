package com.zywa.cardstatus.contract;

import org.jspecify.annotations.Nullable;

/**
 * Where an event came from (contract §10): an uploaded file (upload ID, file name, physical line), a partner API
 * call, or a record of a partner topic (topic, partition, offset), and who sent it ({@code caller}: the name of the
 * API key or token of the upload or call, {@code drop-folder} for a file from the drop folder,
 * {@code kafka:<topic>} for a partner topic; never a credential). Kept for tracing a status back to the row, request
 * or record that caused it; records written before the Kafka coordinates existed read with them null.
 */
public record EventSource(
        @Nullable String partner,
        @Nullable String uploadId,
        @Nullable String file,
        @Nullable Integer line,
        @Nullable String caller,
        @Nullable String topic,
        @Nullable Integer partition,
        @Nullable Long offset) {

    /** An event read from line {@code line} of a file uploaded by {@code caller}. */
    public static EventSource upload(String partner, String uploadId, String file, int line, String caller) {
        return new EventSource(partner, uploadId, file, line, caller, null, null, null);
    }

    /** An event published by a partner over the API. */
    public static EventSource api(@Nullable String partner, String caller) {
        return new EventSource(partner, null, null, null, caller, null, null, null);
    }

    /** An event read from record {@code offset} of partition {@code partition} of the partner topic {@code topic}. */
    public static EventSource kafka(@Nullable String partner, String caller, String topic, int partition, long offset) {
        return new EventSource(partner, null, null, null, caller, topic, partition, offset);
    }
}
