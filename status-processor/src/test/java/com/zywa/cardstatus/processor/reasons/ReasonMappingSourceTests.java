package com.zywa.cardstatus.processor.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.fold.CardState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping in force follows its file's content, keeps the last good one when the file goes bad, and counts. */
class ReasonMappingSourceTests {

    private static final String SWIFT_NH = "partners: {swift: {codes: {NH: RECIPIENT_UNAVAILABLE}}}";
    private static final String SWIFT_NH_AND_RF =
            "partners: {swift: {codes: {NH: RECIPIENT_UNAVAILABLE, RF: [RECIPIENT_REFUSED]}}}";

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void withoutAFileMapsByTheShippedDefault() {
        ReasonMappingSource source = new ReasonMappingSource(null, Clock.systemUTC(), meters);

        assertThat(source.mapping().partners()).containsExactly("default");
    }

    @Test
    void loadsAChangedFileWithoutARestart() throws IOException {
        Path file = write(SWIFT_NH);
        ReasonMappingSource source = new ReasonMappingSource(file, Clock.systemUTC(), meters);
        assertThat(reasonOf(source, "RF")).isEqualTo(Reason.OTHER);

        Files.writeString(file, SWIFT_NH_AND_RF);
        source.reload();
        assertThat(reasonOf(source, "RF"))
                .as("not before it reads the same twice")
                .isEqualTo(Reason.OTHER);
        source.reload();

        assertThat(reasonOf(source, "RF")).isEqualTo(Reason.RECIPIENT_REFUSED);
        assertThat(meters.get("cardstatus.reasons.reload.refused").counter().count())
                .isZero();
    }

    @Test
    void neverLoadsAFileReadWhileItWasBeingWritten() throws IOException {
        Path file = write(SWIFT_NH);
        ReasonMappingSource source = new ReasonMappingSource(file, Clock.systemUTC(), meters);

        Files.writeString(file, "partners: {swift: {codes: {}}}");
        source.reload();
        Files.writeString(file, "partners: {swift: {codes: {NH: RECIPIENT_UNAVAILABLE, RF: ");
        source.reload();
        Files.writeString(file, SWIFT_NH_AND_RF);
        source.reload();
        source.reload();

        assertThat(reasonOf(source, "NH")).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(reasonOf(source, "RF")).isEqualTo(Reason.RECIPIENT_REFUSED);
        assertThat(meters.get("cardstatus.reasons.reload.refused").counter().count())
                .isZero();
    }

    @Test
    void keepsTheMappingInForceWhenTheFileBecomesInvalidAndCountsTheRefusalOnce() throws IOException {
        Path file = write(SWIFT_NH);
        ReasonMappingSource source = new ReasonMappingSource(file, Clock.systemUTC(), meters);

        Files.writeString(file, "partners: {swift: {codes: {NH: NOT_A_REASON}}}");
        source.reload();
        source.reload();
        source.reload();

        assertThat(reasonOf(source, "NH")).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(meters.get("cardstatus.reasons.reload.refused").counter().count())
                .isEqualTo(1);

        Files.writeString(file, SWIFT_NH_AND_RF);
        source.reload();
        source.reload();
        assertThat(reasonOf(source, "RF")).isEqualTo(Reason.RECIPIENT_REFUSED);
    }

    @Test
    void refusesToStartOnAnInvalidFileNamingIt() throws IOException {
        Path file = write("partners: {swift: {codez: {}}}");

        assertThatIllegalStateException()
                .isThrownBy(() -> new ReasonMappingSource(file, Clock.systemUTC(), meters))
                .withMessageContaining(file.toString())
                .withMessageContaining("partners.swift.codez: unknown key");
    }

    @Test
    void countsUnmappedEventsByTheMappingsPartnersAndAnyOtherAsUnknown() throws IOException {
        ReasonMappingSource source = new ReasonMappingSource(write(SWIFT_NH), Clock.systemUTC(), meters);

        source.unmapped("swift");
        source.unmapped("swift");
        source.unmapped("someone-new");
        source.unmapped(null);

        assertThat(meters.get("cardstatus.unmapped.reasons")
                        .tag("partner", "swift")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("cardstatus.unmapped.reasons")
                        .tag("partner", "unknown")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("reason-mapping.yaml"), yaml);
    }

    private static Reason reasonOf(ReasonMappingSource source, String code) {
        CardEvent event = CardEvent.of(
                EventType.DELIVERY_EXCEPTION,
                "ZYW1",
                null,
                Instant.parse("2023-11-13T10:00:00Z"),
                null,
                code,
                "A1",
                EventSource.api("swift", "test"));
        return CardState.empty("ZYW1")
                .apply(event)
                .toStatus(source.mapping(), Instant.EPOCH)
                .reason();
    }
}
