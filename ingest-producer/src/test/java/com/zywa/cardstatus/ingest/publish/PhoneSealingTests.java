package com.zywa.cardstatus.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Phones sealed at the edge (contract §12): an accepted event's phone, and a rejected record's raw text under the key
 * of its phone field or, failing that, of the first phone written in the text; a text with no phone stays as it is.
 */
class PhoneSealingTests {

    private final InMemoryPhoneKeys keys = new InMemoryPhoneKeys();
    private final PhoneVault vault = InMemoryPhoneKeys.vault(keys);
    private final PhoneSealing sealing = new PhoneSealing(vault);
    private final PhoneNormalizer phones = new PhoneNormalizer("AE");

    @Test
    void sealsAnAcceptedEventsPhoneSoItOpensToTheE164PhoneAndKeepsTheRestOfTheEvent() {
        CardEvent event = event("ZYW1", "+971585949014");

        List<RowOutcome> sealed = sealing.seal(
                List.of(new RowOutcome.Accepted(2, event, List.of("a warning")), accepted("ZYW2", null)), phones);

        CardEvent out = ((RowOutcome.Accepted) sealed.get(0)).event();
        assertThat(SealedPhones.isSealedPhone(out.phone())).isTrue();
        assertThat(out.phone()).doesNotContain("585949014");
        assertThat(vault.open(out.phone())).isEqualTo("+971585949014");
        assertThat(out).usingRecursiveComparison().ignoringFields("phone").isEqualTo(event);
        assertThat(((RowOutcome.Accepted) sealed.get(0)).warnings()).containsExactly("a warning");
        assertThat(((RowOutcome.Accepted) sealed.get(1)).event().phone()).isNull();
    }

    @Test
    void sealsARejectedRowsRawTextUnderTheKeyOfItsPhoneField() {
        String raw = ",0585949014,12-11-2023 23:59";

        RowOutcome.Rejected out =
                rejected(new RowOutcome.Rejected(2, "line 2: card ID is empty", raw, "+971585949014"));

        assertThat(SealedPhones.isSealedText(out.raw())).isTrue();
        assertThat(out.raw()).doesNotContain("585949014");
        assertThat(SealedPhones.keyId(out.raw())).isEqualTo(SealedPhones.keyId(vault.seal("+971585949014")));
        assertThat(vault.open(out.raw())).isEqualTo(raw);
        assertThat(out.reason()).isEqualTo("line 2: card ID is empty");
        assertThat(out.line()).isEqualTo(2);
    }

    @Test
    void withoutAPhoneFieldSealsUnderTheFirstRunOfDigitsThatIsAPhoneInAnyForm() {
        for (String written : List.of("+971585949014", "00971585949014", "0585949014", "585949014", "971585949014")) {
            String raw = "ZYW8827,13-11-2023 13:34,12 " + written + ",left at the door";

            RowOutcome.Rejected out = rejected(new RowOutcome.Rejected(3, "line 3: has 4 fields", raw));

            assertThat(out.raw()).as(written).doesNotContain("585949014");
            assertThat(SealedPhones.keyId(out.raw()))
                    .as("the card ID's digits and the short numbers before it are no phone")
                    .isEqualTo(SealedPhones.keyId(vault.seal("+971585949014")));
            assertThat(vault.open(out.raw())).isEqualTo(raw);
        }
    }

    @Test
    void aLongRawTextSealedStaysWithinTheRawLimitAndOpensToItsStart() {
        String raw = "ZYW1,0585949014," + "x".repeat(5_000);

        RowOutcome.Rejected out = rejected(new RowOutcome.Rejected(2, "line 2", raw, "+971585949014"));

        assertThat(out.raw().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(InputLimits.RAW_BYTES);
        assertThat(vault.open(out.raw())).startsWith("ZYW1,0585949014,xxx").endsWith("[cut]");
        assertThat(new RejectedRow("u", "p", "f", 2, "r", out.raw()).raw())
                .as("the rejects topic keeps it whole")
                .isEqualTo(out.raw());
    }

    @Test
    void leavesARawTextWithoutAnIdentifiablePhoneAsItIs() {
        String raw = "ZYW8827,yesterday,12,card 4000";

        RowOutcome.Rejected out = rejected(new RowOutcome.Rejected(4, "line 4: timestamp", raw));

        assertThat(out.raw()).isEqualTo(raw);
        assertThat(keys.size()).as("no key made").isZero();
    }

    @Test
    void masksAPhoneTheReasonEchoesFromTheRawTextButNotLineNumbers() {
        String raw = "+971585949014,13-11-2023 13:34";

        RowOutcome.Rejected out = rejected(new RowOutcome.Rejected(
                12345, "line 12345: card ID '+971585949014' must be 1-64 letters, digits, '-' or '_'", raw));

        assertThat(out.reason())
                .isEqualTo("line 12345: card ID '+971******014' must be 1-64 letters, digits, '-' or '_'");
        assertThat(vault.open(out.raw())).isEqualTo(raw);
    }

    @Test
    void anErasedKeyLeavesTheRawTextUnreadable() {
        RowOutcome.Rejected out = rejected(new RowOutcome.Rejected(2, "line 2", "ZYW1,0585949014,x", "+971585949014"));

        keys.erase(SealedPhones.keyId(out.raw()));

        assertThat(vault.open(out.raw())).isNull();
    }

    @Test
    void thePublisherRefusesAnEventWhosePhoneIsInClear() {
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, Object> kafka = mock(KafkaTemplate.class);
        @SuppressWarnings("unchecked")
        KafkaOperations<String, Object> operations = mock(KafkaOperations.class);
        when(kafka.executeInTransaction(any()))
                .thenAnswer(call -> call.<KafkaOperations.OperationsCallback<String, Object, Object>>getArgument(0)
                        .doInOperations(operations));
        EventPublisher publisher = new EventPublisher(kafka);
        CardEvent sealed = ((RowOutcome.Accepted) sealing.seal(List.of(accepted("ZYW1", "+971585949014")), phones)
                        .get(0))
                .event();

        assertThatThrownBy(() -> publisher.inTransaction(batch -> batch.event(event("ZYW1", "+971585949014"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in clear")
                .hasMessageNotContaining("585949014");
        verify(operations, never()).send(anyString(), anyString(), any());
        publisher.inTransaction(batch -> batch.event(sealed));
        verify(operations).send(EventType.DELIVERED.topic(), "ZYW1", sealed);
    }

    private RowOutcome.Rejected rejected(RowOutcome.Rejected rejected) {
        return (RowOutcome.Rejected) sealing.seal(List.of(rejected), phones).get(0);
    }

    private static RowOutcome.Accepted accepted(String cardId, String phone) {
        return new RowOutcome.Accepted(2, event(cardId, phone), List.of());
    }

    private static CardEvent event(String cardId, String phone) {
        return CardEvent.of(
                EventType.DELIVERED, cardId, phone, Instant.parse("2023-11-13T09:34:56Z"), "ok", "A1", null);
    }
}
