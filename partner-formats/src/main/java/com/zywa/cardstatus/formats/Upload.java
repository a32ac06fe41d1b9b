package com.zywa.cardstatus.formats;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One partner file to ingest, the same record from the upload service through the parser to its rows' sources:
 * its ID, partner, name, kind (null until known), where it came from ({@code http}, {@code inbox}), for
 * drop-folder files the SHA-256 of its content, and who sent it (the caller's name, {@code drop-folder}).
 */
public record Upload(
        UUID id,
        String partner,
        String fileName,
        @Nullable EventType kind,
        @Nullable String source,
        @Nullable String sha256,
        @Nullable String uploadedBy) {

    public Upload withKind(EventType resolved) {
        return new Upload(id, partner, fileName, resolved, source, sha256, uploadedBy);
    }

    /** Where the event read from {@code line} of this file came from. */
    EventSource sourceOf(int line) {
        return EventSource.upload(partner, id.toString(), fileName, line, uploadedBy);
    }
}
