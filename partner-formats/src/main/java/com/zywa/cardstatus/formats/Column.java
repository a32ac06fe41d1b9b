package com.zywa.cardstatus.formats;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The columns a partner file may carry, each with the header spellings partners use for it. Headers are
 * compared ignoring case, spaces, underscores and dashes, so {@code Card ID}, {@code card_id} and
 * {@code CardID} are the same column.
 */
public enum Column {
    PARTNER_ID(false, "id", "eventid", "rowid", "partnerid"),
    CARD_ID(true, "cardid", "card", "cardnumber"),
    PHONE(false, "usermobile", "usercontact", "userphone", "phone", "mobile", "contact"),
    TIMESTAMP(true, "timestamp", "time", "datetime", "date"),
    COMMENT(false, "comment", "comments", "remark", "remarks", "note", "notes"),
    /** The partner's reason code (contract §10), mapped to a reason by the fold. */
    REASON(
            false,
            "reason",
            "reasoncode",
            "statusreason",
            "reasons",
            "exceptionreason",
            "exceptioncode",
            "returnreason",
            "substatus");

    private final boolean required;
    private final Set<String> spellings;

    Column(boolean required, String... spellings) {
        this.required = required;
        this.spellings = Set.of(spellings);
    }

    public boolean required() {
        return required;
    }

    /** A readable name for messages, e.g. "Card ID". */
    public String label() {
        return switch (this) {
            case PARTNER_ID -> "ID";
            case CARD_ID -> "Card ID";
            case PHONE -> "User Mobile";
            case TIMESTAMP -> "Timestamp";
            case COMMENT -> "Comment";
            case REASON -> "Reason code";
        };
    }

    /**
     * The column a header names, by our spellings or a partner's own ({@code extra}); null when it names none we
     * know.
     */
    public static @Nullable Column forHeader(String header, Map<Column, List<String>> extra) {
        String key = normalize(header);
        for (Column column : values()) {
            if (column.spellings.contains(key)
                    || extra.getOrDefault(column, List.of()).stream()
                            .map(Column::normalize)
                            .anyMatch(key::equals)) {
                return column;
            }
        }
        return null;
    }

    /** The comparison form of a header: no case, spaces, underscores, dashes or BOM. */
    public static String normalize(String header) {
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
