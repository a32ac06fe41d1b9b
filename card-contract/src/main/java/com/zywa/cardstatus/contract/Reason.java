package com.zywa.cardstatus.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The closed taxonomy of contract §10 (version {@value #TAXONOMY_VERSION}): why a delivery attempt failed or a card
 * came back, each with the event types it explains, who is responsible and what has to be done. Only
 * {@code DELIVERY_EXCEPTION} and {@code RETURNED} events have a reason; {@link #OTHER} is what nothing else fits.
 */
public enum Reason {
    RECIPIENT_UNAVAILABLE(Responsible.RECIPIENT, ActionRequired.CONTACT_CARDHOLDER, EventType.DELIVERY_EXCEPTION),
    RECIPIENT_UNREACHABLE(Responsible.RECIPIENT, ActionRequired.CONTACT_CARDHOLDER, EventType.DELIVERY_EXCEPTION),
    RECIPIENT_REFUSED(Responsible.RECIPIENT, ActionRequired.CONTACT_CARDHOLDER, EventType.DELIVERY_EXCEPTION),
    RESCHEDULED_BY_RECIPIENT(Responsible.RECIPIENT, ActionRequired.WAIT_FOR_COURIER, EventType.DELIVERY_EXCEPTION),
    ADDRESS_INCORRECT(Responsible.ISSUER, ActionRequired.FIX_ADDRESS, EventType.DELIVERY_EXCEPTION),
    ADDRESS_INCOMPLETE(Responsible.ISSUER, ActionRequired.FIX_ADDRESS, EventType.DELIVERY_EXCEPTION),
    ID_VERIFICATION_FAILED(Responsible.RECIPIENT, ActionRequired.CONTACT_CARDHOLDER, EventType.DELIVERY_EXCEPTION),
    COURIER_DELAY(Responsible.COURIER, ActionRequired.WAIT_FOR_COURIER, EventType.DELIVERY_EXCEPTION),
    DAMAGED(Responsible.COURIER, ActionRequired.REISSUE_CARD, EventType.DELIVERY_EXCEPTION),
    LOST(Responsible.COURIER, ActionRequired.REISSUE_CARD, EventType.DELIVERY_EXCEPTION),
    MAX_ATTEMPTS_REACHED(Responsible.RECIPIENT, ActionRequired.CONTACT_CARDHOLDER, EventType.RETURNED),
    REFUSED(Responsible.RECIPIENT, ActionRequired.CONTACT_CARDHOLDER, EventType.RETURNED),
    UNDELIVERABLE_ADDRESS(Responsible.ISSUER, ActionRequired.FIX_ADDRESS, EventType.RETURNED),
    RETURN_REQUESTED(Responsible.ISSUER, ActionRequired.NONE, EventType.RETURNED),
    /**
     * Nothing else fits, or the partner's code or comment is not mapped: wait for an exception, call on a return. A
     * reason this version does not know (a later taxonomy's) is read as this one.
     */
    @JsonEnumDefaultValue
    OTHER(Responsible.UNKNOWN, null, EventType.DELIVERY_EXCEPTION, EventType.RETURNED);

    /** The version of this taxonomy; a reason added or changed makes a new one (docs/contract.md §10). */
    public static final int TAXONOMY_VERSION = 1;

    private final Responsible responsible;
    private final @Nullable ActionRequired action;
    private final Set<EventType> types;

    Reason(Responsible responsible, @Nullable ActionRequired action, EventType first, EventType... rest) {
        this.responsible = responsible;
        this.action = action;
        this.types = EnumSet.of(first, rest);
    }

    public Responsible responsible() {
        return responsible;
    }

    /** Whether this reason can explain an event of {@code type}. */
    public boolean appliesTo(EventType type) {
        return types.contains(type);
    }

    /** What has to be done about an event of {@code type} with this reason. */
    public ActionRequired action(EventType type) {
        if (action != null) {
            return action;
        }
        return type == EventType.RETURNED ? ActionRequired.CONTACT_CARDHOLDER : ActionRequired.WAIT_FOR_COURIER;
    }

    /** Whether events of {@code type} have a reason at all: exceptions and returns do, pick-ups and deliveries not. */
    public static boolean explains(EventType type) {
        return type == EventType.DELIVERY_EXCEPTION || type == EventType.RETURNED;
    }

    /** What has to be done about a card whose current event is of {@code type} with {@code reason} (null: none). */
    public static ActionRequired actionFor(EventType type, @Nullable Reason reason) {
        return reason == null ? ActionRequired.NONE : reason.action(type);
    }

    /**
     * The reason a partner's code states by naming it exactly (case and surrounding blanks aside), if it is one that
     * applies to {@code type}; null otherwise, leaving the code to the partner's mapping.
     */
    public static @Nullable Reason stated(EventType type, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            Reason reason = valueOf(code.strip().toUpperCase(Locale.ROOT));
            return reason.appliesTo(type) ? reason : null;
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
