package com.zywa.cardstatus.contract;

/** What ops (or the client showing the card) should do about a card's current {@link Reason} (contract §10). */
public enum ActionRequired {
    CONTACT_CARDHOLDER,
    FIX_ADDRESS,
    REISSUE_CARD,
    WAIT_FOR_COURIER,
    NONE
}
