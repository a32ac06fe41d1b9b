package com.zywa.cardstatus.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RejectedRowTests {

    @Test
    void keepsShortRawTextAsItIs() {
        assertThat(rejected("A,12-11-2023 23:59,Zoë").raw()).isEqualTo("A,12-11-2023 23:59,Zoë");
    }

    @Test
    void cutsRawTextToFourKibOfUtf8AtACharacterBoundaryAndSaysSo() {
        RejectedRow row = rejected("é".repeat(3_000) + "😀".repeat(1_000));

        assertThat(row.raw().getBytes(UTF_8)).hasSizeLessThanOrEqualTo(4_096);
        assertThat(row.raw()).startsWith("éééé").contains("cut");
        assertThat(row.raw().codePoints()).noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    @Test
    void cutsAtAFourByteCharacterWithoutSplittingIt() {
        RejectedRow row = rejected("😀".repeat(3_000));

        assertThat(row.raw().getBytes(UTF_8)).hasSizeLessThanOrEqualTo(4_096);
        assertThat(new String(row.raw().getBytes(UTF_8), UTF_8)).isEqualTo(row.raw());
    }

    @Test
    void writesNulInRawTextEscapedSincePostgresqlTextCannotHoldIt() {
        assertThat(rejected("A\u0000B").raw()).isEqualTo("A\\u0000B");
    }

    @Test
    void boundsTheReason() {
        RejectedRow row = new RejectedRow("u", "p", "f.csv", 2, "why ".repeat(100_000), "raw");

        assertThat(row.reason().length()).isLessThanOrEqualTo(1_000);
        assertThat(row.reason()).startsWith("why why").contains("cut");
    }

    @Test
    void aRecordOfAnyRowFitsFarBelowKafkasMessageSize() {
        RejectedRow row = new RejectedRow("u", "p", "f.csv", 3, "x".repeat(2_000_000), "y".repeat(1_500_000));

        assertThat(Json.MAPPER.writeValueAsBytes(row)).hasSizeLessThan(16 * 1024);
    }

    @Test
    void cutsARawTextToBeSealedSoThatSealedItStillFitsTheRawLimit() {
        String raw = InputLimits.raw("é".repeat(3_000), InputLimits.SEALABLE_RAW_BYTES);

        assertThat(raw.getBytes(UTF_8)).hasSizeLessThanOrEqualTo(3_000);
        assertThat(raw).startsWith("éé").contains("cut");
        // a sealed text: "pdt1." + key ID + "." + base64url of (5 + 16 + its bytes)
        int sealed = 42 + (int) Math.ceil(4 * (21 + raw.getBytes(UTF_8).length) / 3.0);
        assertThat(sealed).isLessThanOrEqualTo(InputLimits.RAW_BYTES);
    }

    @Test
    void anEventMayCarryASealedPhoneLongerThanAPhoneField() {
        String sealed = SealedPhones.phone(UUID.randomUUID(), "A".repeat(50));
        CardEvent event = CardEvent.of(EventType.DELIVERED, "ZYW1", sealed, Instant.EPOCH, null, null, null);

        assertThat(InputLimits.problem(event)).isNull();
        assertThat(InputLimits.problem(CardEvent.of(
                        EventType.DELIVERED, "ZYW1", "+" + "1".repeat(90), Instant.EPOCH, null, null, null)))
                .isEqualTo("phone is 91 characters long; at most 64 are accepted");
    }

    private static RejectedRow rejected(String raw) {
        return new RejectedRow("upload-1", "default", "f.csv", 2, "line 2: card ID is empty", raw);
    }
}
