package com.zywa.cardstatus.contract;

/**
 * Where an event came from: an uploaded file (upload ID, file name, physical line) or a partner
 * API call, and who sent it ({@code caller}: the name of the API key or token of the upload or call,
 * {@code drop-folder} for a file from the drop folder; never a credential). Kept for tracing a status back to the
 * row that caused it.
 */
public record EventSource(String partner, String uploadId, String file, Integer line, String caller) {

    /** An event read from line {@code line} of a file uploaded by {@code caller}. */
    public static EventSource upload(String partner, String uploadId, String file, int line, String caller) {
        return new EventSource(partner, uploadId, file, line, caller);
    }

    /** An event published by a partner over the API. */
    public static EventSource api(String partner, String caller) {
        return new EventSource(partner, null, null, null, caller);
    }
}
