package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerFileReaderTests {

    private final PartnerFileReader reader = TestPartner.profile().fileReader();

    @Test
    void readsThePartnersDeliveredSampleByteForByte() throws IOException {
        List<RowOutcome> outcomes = readSample("Sample Card Status Info - Delivered.csv", EventType.DELIVERED);

        assertThat(events(outcomes))
                .extracting(
                        CardEvent::cardId,
                        CardEvent::phone,
                        CardEvent::occurredAt,
                        CardEvent::comment,
                        CardEvent::partnerEventId)
                .containsExactly(
                        tuple("ZYW8827", "+971585949014", Instant.parse("2023-11-13T09:34:56Z"), "DELIVERED", "A883"),
                        tuple("ZYW7631", "+971545576586", Instant.parse("2023-11-14T12:34:56Z"), "DELIVERED", "A073"));
        assertThat(outcomes).extracting(RowOutcome::line).containsExactly(2, 3);
    }

    @Test
    void headerNamesVary_pickupSampleUsesUserMobileAndBareNineDigitPhones() throws IOException {
        List<CardEvent> events = events(readSample("Sample Card Status Info - Pickup.csv", EventType.PICKED_UP));

        assertThat(events)
                .extracting(CardEvent::phone)
                .containsExactly("+971585949014", "+971534534534", "+971545576586");
        assertThat(events)
                .extracting(CardEvent::occurredAt)
                .containsExactly(
                        Instant.parse("2023-11-12T19:59:00Z"),
                        Instant.parse("2023-11-11T23:45:00Z"),
                        Instant.parse("2023-11-13T07:02:00Z"));
    }

    @Test
    void phoneWithLiteralQuotesAndTrunkZero_isNormalised() {
        List<RowOutcome> outcomes =
                read("Card ID,User contact,Timestamp\r\nZYW1,\"\"\"0534534534\"\"\",13-11-2023 14:00\r\n");

        assertThat(events(outcomes)).extracting(CardEvent::phone).containsExactly("+971534534534");
    }

    @Test
    void phoneMangledBySpreadsheet_keepsTheEventWithoutPhoneAndWarns() throws IOException {
        List<RowOutcome> outcomes = readSample("Sample Card Status Info - Returned.csv", EventType.RETURNED);

        RowOutcome.Accepted accepted = (RowOutcome.Accepted) outcomes.get(0);
        assertThat(accepted.event().phone()).isNull();
        assertThat(accepted.event().occurredAt()).isEqualTo(Instant.parse("2023-11-14T08:00:00Z"));
        assertThat(accepted.warnings())
                .containsExactly("line 2: phone '9.71535E+11' was mangled by a spreadsheet "
                        + "(scientific notation loses digits); event kept without a phone");
    }

    @Test
    void severalTimestampFormatsInOneFile() {
        List<RowOutcome> outcomes =
                read("Card ID,Timestamp\nA,12-11-2023 23:59\nB,2023-11-13T09:34:56Z\nC,14-11-2023 12:00PM\n");

        assertThat(events(outcomes))
                .extracting(CardEvent::occurredAt)
                .containsExactly(
                        Instant.parse("2023-11-12T19:59:00Z"),
                        Instant.parse("2023-11-13T09:34:56Z"),
                        Instant.parse("2023-11-14T08:00:00Z"));
    }

    @Test
    void partnerRowIdsAreKeptAsDataNotIdentity() throws IOException {
        CardEvent exception = events(
                        readSample("Sample Card Status Info - Delivery exceptions.csv", EventType.DELIVERY_EXCEPTION))
                .get(0);
        CardEvent returned = events(readSample("Sample Card Status Info - Returned.csv", EventType.RETURNED))
                .get(0);

        assertThat(exception.partnerEventId()).isEqualTo("A982").isEqualTo(returned.partnerEventId());
        assertThat(exception.eventId()).isNotEqualTo(returned.eventId());
    }

    @Test
    void fileKindIsCarriedIntoEveryEvent() {
        assertThat(events(read("Card ID,Timestamp\nA,12-11-2023 23:59\n", EventType.RETURNED)))
                .extracting(CardEvent::type)
                .containsExactly(EventType.RETURNED);
    }

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheDelimiterFromTheHeader(String separator) {
        String file = String.join(separator, "ID", "Card ID", "User Mobile", "Timestamp", "Comment") + "\n"
                + String.join(separator, "7", "ZYW1", "0585949014", "12-11-2023 23:59", "left, at door") + "\n";

        RowOutcome.Accepted row = (RowOutcome.Accepted)
                read(file.replace("left, at door", separator.equals(",") ? "\"left, at door\"" : "left, at door"))
                        .get(0);

        assertThat(row.event().comment()).isEqualTo("left, at door");
        assertThat(row.event().phone()).isEqualTo("+971585949014");
    }

    @Test
    void acceptsUtf8WithBomAndLfOrCrlf() {
        String body = "\uFEFFCard ID,Timestamp,Comment\r\nA,12-11-2023 23:59,Zoë\nB,12-11-2023 23:59,ok\r\n";

        assertThat(events(read(body)))
                .extracting(CardEvent::cardId, CardEvent::comment)
                .containsExactly(tuple("A", "Zoë"), tuple("B", "ok"));
    }

    @Test
    void rejectsBadRowsWithPhysicalLineNumbersAndKeepsTheRest() {
        String file = "Card ID,Timestamp,Comment\n"
                + "A,12-11-2023 23:59,\"two\nlines\"\n"
                + "\n"
                + ",12-11-2023 23:59,no card\n"
                + "B,yesterday,bad time\n"
                + "C,12-11-2023 23:59\n"
                + "D,12-11-2023 23:59,fine\n";

        List<RowOutcome> outcomes = read(file);

        assertThat(outcomes).extracting(RowOutcome::line).containsExactly(2, 5, 6, 7, 8);
        assertThat(outcomes)
                .filteredOn(RowOutcome.Rejected.class::isInstance)
                .extracting(outcome -> ((RowOutcome.Rejected) outcome).reason())
                .containsExactly(
                        "line 5: card ID is empty",
                        "line 6: timestamp 'yesterday' matches none of: yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX, "
                                + "yyyy-MM-dd'T'HH:mm[:ss], yyyy-MM-dd HH:mm[:ss], dd-MM-yyyy HH:mm[:ss], "
                                + "dd-MM-yyyy h:mm[:ss][ ]AM/PM",
                        "line 7: has 2 fields but the header has 3");
        assertThat(events(outcomes)).extracting(CardEvent::cardId).containsExactly("A", "D");
        assertThat(events(outcomes).get(0).source().line()).isEqualTo(2);
    }

    @Test
    void aRejectedRowKnowsItsPhoneWhenItsPhoneFieldReadsAsOne() {
        List<RowOutcome> outcomes = read("Card ID,User Mobile,Timestamp\n"
                + ",0585949014,12-11-2023 23:59\n"
                + ",123,12-11-2023 23:59\n"
                + ",,12-11-2023 23:59\n"
                + "A,0585949014\n");

        assertThat(outcomes)
                .extracting(outcome -> ((RowOutcome.Rejected) outcome).phone())
                .as("its key seals the raw text; a field that is no phone, none or unread gives none")
                .containsExactly("+971585949014", null, null, null);
    }

    @Test
    void rejectsAnUnterminatedQuoteAtTheEnd() {
        List<RowOutcome> outcomes =
                read("Card ID,Timestamp,Comment\nA,12-11-2023 23:59,ok\nB,12-11-2023 23:59,\"open\n");

        assertThat(outcomes.get(1)).isInstanceOf(RowOutcome.Rejected.class);
        assertThat(((RowOutcome.Rejected) outcomes.get(1)).reason()).startsWith("line 3: malformed CSV");
    }

    @Test
    void refusesAFileMissingTheTimestampColumn() {
        assertThatThrownBy(() -> read("ID,Card ID,User Mobile\n1,A,0585949014\n"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("required column Timestamp is missing; found headers ['ID', 'Card ID', 'User Mobile']");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageStartingWith("the file is empty");
    }

    @Test
    void keepsACommentStartingWithAFormulaCharacterAsText() {
        List<CardEvent> events = events(read("Card ID,Timestamp,Comment\nA,12-11-2023 23:59,=HYPERLINK(\"x\")\n"));

        assertThat(events.get(0).comment()).isEqualTo("=HYPERLINK(\"x\")");
    }

    @Test
    void rejectsANulInACommentNamingTheFieldAndShowingTheCharacter() {
        List<RowOutcome> outcomes =
                read("Card ID,Timestamp,Comment\nA,12-11-2023 23:59,left\u0000at door\n" + "B,12-11-2023 23:59,ok\n");

        assertThat(((RowOutcome.Rejected) outcomes.get(0)).reason())
                .startsWith("line 2: comment")
                .contains("\\u0000");
        assertThat(events(outcomes)).extracting(CardEvent::cardId).containsExactly("B");
    }

    @Test
    void rejectsC1AndDeleteControlsInAnyFieldButKeepsTabs() {
        List<RowOutcome> outcomes = read("ID,Card ID,Timestamp,Comment\nP\u0085,A,12-11-2023 23:59,ok\n"
                + "P2,B,12-11-2023 23:59,del\u007f\n" + "P3,C,12-11-2023 23:59,\"tab\there\"\n");

        assertThat(((RowOutcome.Rejected) outcomes.get(0)).reason())
                .contains("partner event ID")
                .contains("\\u0085");
        assertThat(((RowOutcome.Rejected) outcomes.get(1)).reason())
                .contains("comment")
                .contains("\\u007f");
        assertThat(events(outcomes)).extracting(CardEvent::comment).containsExactly("tab\there");
    }

    @Test
    void rejectsAPartnerEventIdLongerThan128Characters() {
        List<RowOutcome> outcomes = read("ID,Card ID,Timestamp\n" + "P".repeat(129) + ",A,12-11-2023 23:59\n"
                + "P".repeat(128) + ",B,12-11-2023 23:59\n");

        assertThat(((RowOutcome.Rejected) outcomes.get(0)).reason())
                .isEqualTo("line 2: partner event ID is 129 characters long; at most 128 are accepted");
        assertThat(events(outcomes)).extracting(CardEvent::cardId).containsExactly("B");
    }

    @Test
    void rejectsALineOverTheLimitByItsLineAndReadsTheRestWithTheirLines() {
        List<RowOutcome> outcomes = read("Card ID,Timestamp,Comment\r\n"
                + "A,12-11-2023 23:59,ok\r\n"
                + "B,12-11-2023 23:59," + "x".repeat(1_500_000) + "\r\n"
                + "C,12-11-2023 23:59,\"two\r\nlines\"\r\n"
                + "D,12-11-2023 23:59,ok\r\n");

        assertThat(outcomes).extracting(RowOutcome::line).containsExactly(2, 3, 4, 6);
        RowOutcome.Rejected longLine = (RowOutcome.Rejected) outcomes.get(1);
        assertThat(longLine.reason()).startsWith("line 3: ").contains("65536");
        assertThat(longLine.raw().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(4_096);
        assertThat(events(outcomes)).extracting(CardEvent::cardId).containsExactly("A", "C", "D");
    }

    @Test
    void rejectsAQuotedFieldRunningOverTheLimitAcrossLinesAndReadsTheRest() {
        String longLines = ("y".repeat(1_000) + "\n").repeat(100);
        List<RowOutcome> outcomes =
                read("Card ID,Timestamp,Comment\nA,12-11-2023 23:59,\"" + longLines + "end\"\nB,12-11-2023 23:59,ok\n");

        assertThat(outcomes).extracting(RowOutcome::line).containsExactly(2, 103);
        assertThat(((RowOutcome.Rejected) outcomes.get(0)).reason()).startsWith("lines 2-102: ");
        assertThat(events(outcomes)).extracting(CardEvent::cardId).containsExactly("B");
    }

    @Test
    void readsAFileThatIsNotUtf8AsWindows1252WithOneWarning() {
        byte[] file = "Card ID,Timestamp,Comment\nA,12-11-2023 23:59,Café – left at door\nB,12-11-2023 23:59,ok\n"
                .getBytes(Charset.forName("windows-1252"));
        List<RowOutcome> outcomes = new ArrayList<>();

        TextEncoding encoding =
                reader.read(() -> new ByteArrayInputStream(file), upload(EventType.PICKED_UP), outcomes::add);

        assertThat(file).contains((byte) 0xE9);
        assertThat(events(outcomes)).extracting(CardEvent::comment).containsExactly("Café – left at door", "ok");
        assertThat(encoding.warning()).startsWith("the file is not valid UTF-8, so it was read as Windows-1252");
    }

    @Test
    void readsAValidUtf8FileAsUtf8WithoutWarning() {
        TextEncoding encoding = reader.read(
                () -> new ByteArrayInputStream(
                        "\uFEFFCard ID,Timestamp\nA,12-11-2023 23:59\n".getBytes(StandardCharsets.UTF_8)),
                upload(EventType.PICKED_UP),
                outcome -> {});

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.warning()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void readsAUtf16FileWithAByteOrderMark(String charset) {
        byte[] file =
                "\uFEFFCard ID,Timestamp,Comment\r\nA,12-11-2023 23:59,Zoë\r\n".getBytes(Charset.forName(charset));
        List<RowOutcome> outcomes = new ArrayList<>();

        TextEncoding encoding =
                reader.read(() -> new ByteArrayInputStream(file), upload(EventType.PICKED_UP), outcomes::add);

        assertThat(encoding.warning()).isNull();
        assertThat(events(outcomes))
                .extracting(CardEvent::cardId, CardEvent::comment)
                .containsExactly(tuple("A", "Zoë"));
    }

    private List<RowOutcome> readSample(String name, EventType kind) throws IOException {
        List<RowOutcome> outcomes = new ArrayList<>();
        reader.read(() -> getClass().getResourceAsStream("/samples/" + name), upload(kind), outcomes::add);
        return outcomes;
    }

    private List<RowOutcome> read(String content) {
        return read(content, EventType.PICKED_UP);
    }

    private List<RowOutcome> read(String content, EventType kind) {
        List<RowOutcome> outcomes = new ArrayList<>();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        reader.read(() -> new ByteArrayInputStream(bytes), upload(kind), outcomes::add);
        return outcomes;
    }

    private static Upload upload(EventType kind) {
        return TestPartner.upload("test.csv", kind);
    }

    private static List<CardEvent> events(List<RowOutcome> outcomes) {
        return outcomes.stream()
                .filter(RowOutcome.Accepted.class::isInstance)
                .map(outcome -> ((RowOutcome.Accepted) outcome).event())
                .toList();
    }
}
