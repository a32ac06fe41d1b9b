package com.zywa.cardstatus.contract;

/** Who has to act for a card to move on after a {@link Reason} (contract §10). */
public enum Responsible {
    RECIPIENT,
    ISSUER,
    COURIER,
    UNKNOWN
}
