package com.zywa.cardstatus.contract;

/**
 * A row or event refused at ingest, as kept on {@link Topics#REJECTS}: where it came from, why, and its raw
 * content so it can be fixed and replayed. Reason and raw text are bounded by {@link InputLimits}, so a record of
 * any rejected input stays far below the topic's message size.
 */
public record RejectedRow(String uploadId, String partner, String file, Integer line, String reason, String raw) {

    public RejectedRow {
        reason = InputLimits.reason(reason);
        raw = InputLimits.raw(raw);
    }
}
