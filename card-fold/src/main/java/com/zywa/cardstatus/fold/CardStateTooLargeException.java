package com.zywa.cardstatus.fold;

/** A card state that the binary format cannot hold (a text or an event list too long for its length field). */
public class CardStateTooLargeException extends IllegalArgumentException {

    CardStateTooLargeException(String message) {
        super(message);
    }
}
