package com.zywa.cardstatus.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/** Writes phones and times the way the partner does: in every form the contract (docs/contract.md §2) lists, spreadsheet damage included. */
final class PartnerQuirks {

    private static final ZoneId PARTNER_ZONE = ZoneId.of("Asia/Dubai");
    private static final DateTimeFormatter[] LOCAL_FORMS = {
        DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("dd-MM-yyyy hh:mma", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("dd-MM-yyyy h:mm a", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH),
    };

    private final Random random;
    private final double mangledShare;

    PartnerQuirks(Random random, double mangledShare) {
        this.random = random;
        this.mangledShare = mangledShare;
    }

    /** A phone field for the E.164 UAE number {@code e164}, as one of the partner's forms (CSV-escaped). */
    String phone(String e164) {
        String national = e164.substring(4);
        if (random.nextDouble() < mangledShare) {
            return String.format(Locale.ROOT, "%.5E", Double.parseDouble(e164.substring(1)));
        }
        return switch (random.nextInt(6)) {
            case 0 -> "0" + national;
            case 1 -> national;
            case 2 -> "971" + national;
            case 3 -> e164;
            case 4 -> "00971" + national;
            default -> "\"\"\"0" + national + "\"\"\"";
        };
    }

    /** Whether a phone field written by {@link #phone} lost its digits. */
    static boolean mangled(String field) {
        return field.contains("E+");
    }

    /** A timestamp field for {@code at}, in one of the partner's forms. */
    String time(Instant at) {
        int form = random.nextInt(LOCAL_FORMS.length + 2);
        if (form == LOCAL_FORMS.length) {
            return at.toString();
        }
        if (form == LOCAL_FORMS.length + 1) {
            return ZonedDateTime.ofInstant(at, PARTNER_ZONE).toOffsetDateTime().toString();
        }
        return ZonedDateTime.ofInstant(at, PARTNER_ZONE).format(LOCAL_FORMS[form]);
    }
}
