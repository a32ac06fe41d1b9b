package com.zywa.cardstatus.contract;

/**
 * The outcome of reading a phone field: a number in E.164, nothing at all, or something that is not
 * a usable number (spreadsheet-mangled or invalid), which callers report without storing it.
 */
public sealed interface Phone {

    /** A usable number, in E.164 form such as {@code +971585949014}. */
    record Valid(String e164) implements Phone {}

    /** The field was empty. */
    record Absent() implements Phone {}

    /** A number a spreadsheet turned into scientific notation ({@code 9.71535E+11}): digits are lost. */
    record Mangled(String raw) implements Phone {}

    /** Text that is not a possible phone number; {@code reason} says why, with the number masked. */
    record Invalid(String reason) implements Phone {}

    /** The E.164 number, or null when there is none. */
    default String e164OrNull() {
        return this instanceof Valid valid ? valid.e164() : null;
    }

    /** Masks a phone for logs and messages, keeping only the country prefix and last three digits. */
    static String mask(String phone) {
        if (phone == null || phone.length() <= 5) {
            return "***";
        }
        String head = phone.startsWith("+") ? phone.substring(0, Math.min(4, phone.length() - 3)) : "";
        return head + "*".repeat(phone.length() - head.length() - 3) + phone.substring(phone.length() - 3);
    }
}
