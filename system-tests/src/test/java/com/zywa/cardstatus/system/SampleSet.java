package com.zywa.cardstatus.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The partner's four sample files with their card IDs and phones renamed for one test, so the cards a test
 * checks are its own: nothing another test uploaded to the shared pipeline can make it pass. The quirks (phone
 * forms, mangled phone, time formats, headers) are kept byte for byte.
 */
final class SampleSet {

    static final List<String> FILES = List.of(
            "Sample Card Status Info - Pickup.csv",
            "Sample Card Status Info - Delivery exceptions.csv",
            "Sample Card Status Info - Delivered.csv",
            "Sample Card Status Info - Returned.csv");

    /** The last seven digits of each sample phone; the mobile prefixes (58, 53, 54) stay. */
    private static final Map<String, String> PHONE_TAILS = Map.of("5949014", "58", "4534534", "53", "5576586", "54");

    private static final AtomicInteger SETS = new AtomicInteger();

    private final String suffix;
    private final String tail;

    private SampleSet(int number) {
        this.suffix = "-S" + number;
        this.tail = String.valueOf(9_000_000 + number);
    }

    /** A set no other test in this run uses. */
    static SampleSet next() {
        return new SampleSet(SETS.incrementAndGet());
    }

    /** The content of sample {@code file} with this set's card IDs and phones. */
    byte[] file(String file) {
        String text = new String(PipelineClient.sample(file), StandardCharsets.UTF_8);
        for (String card : List.of("ZYW8827", "ZYW8890", "ZYW7631")) {
            text = text.replace(card, card(card));
        }
        for (Map.Entry<String, String> phone : PHONE_TAILS.entrySet()) {
            text = text.replace(phone.getValue() + phone.getKey(), phone.getValue() + tail);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** This set's name for sample card {@code sampleCard} (e.g. ZYW8827). */
    String card(String sampleCard) {
        return sampleCard + suffix;
    }

    /** This set's form of a sample phone, in whatever form it is written (0585949014, +971 58 594 9014...). */
    String phone(String samplePhone) {
        String phone = samplePhone;
        for (String oldTail : PHONE_TAILS.keySet()) {
            phone = phone.replace(oldTail, tail)
                    .replace(
                            oldTail.substring(0, 3) + " " + oldTail.substring(3),
                            tail.substring(0, 3) + " " + tail.substring(3));
        }
        return phone;
    }
}
