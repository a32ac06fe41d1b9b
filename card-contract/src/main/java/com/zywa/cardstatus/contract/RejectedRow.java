package com.zywa.cardstatus.contract;

/**
 * A row or event refused at ingest, as kept on {@link Topics#REJECTS}: where it came from, why, and its raw
 * content so it can be fixed and replayed.
 */
public record RejectedRow(String uploadId, String partner, String file, Integer line, String reason, String raw) {
}
