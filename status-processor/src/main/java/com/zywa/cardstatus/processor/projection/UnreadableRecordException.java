package com.zywa.cardstatus.processor.projection;

/** A status record whose value could not be deserialised; it is set aside, not retried. */
class UnreadableRecordException extends RuntimeException {

    UnreadableRecordException(String message) {
        super(message);
    }
}
