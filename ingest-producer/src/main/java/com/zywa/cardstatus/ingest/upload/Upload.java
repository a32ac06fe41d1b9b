package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;

/**
 * One file to ingest: its ID, partner, name, kind (null until known), where it came from ({@code http},
 * {@code inbox}) and, for drop-folder files, the SHA-256 of its content.
 */
record Upload(String id, String partner, String fileName, EventType kind, String source, String sha256) {

    Upload withKind(EventType resolved) {
        return new Upload(id, partner, fileName, resolved, source, sha256);
    }
}
