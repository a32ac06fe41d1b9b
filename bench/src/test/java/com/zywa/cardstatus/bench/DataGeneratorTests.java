package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.ReasonMapping;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.formats.PartnerFileReader;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.TestPartner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTests {

    private static final ReasonMapping MAPPING = ReasonMappingFile.shippedDefault();

    @Test
    void theSameSeedWritesTheSameFiles(@TempDir Path one, @TempDir Path two) throws IOException {
        DataGenerator.generate(5_000, 7, one);
        DataGenerator.generate(5_000, 7, two);

        for (DataGenerator.Kind kind : DataGenerator.Kind.values()) {
            assertThat(Files.mismatch(one.resolve(kind.file), two.resolve(kind.file)))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void theServicesParserAndFoldAgreeWithTheGeneratorsExpectedAnswers(@TempDir Path dir) throws IOException {
        DataGenerator.Summary summary = DataGenerator.generate(20_000, 11, dir);
        PartnerFileReader reader = TestPartner.profile().fileReader();
        Map<String, CardState> cards = new HashMap<>();
        long[] rejected = {0};

        for (DataGenerator.Kind kind : DataGenerator.Kind.values()) {
            reader.read(() -> Files.newInputStream(dir.resolve(kind.file)), TestPartner.upload(kind.file), outcome -> {
                if (outcome instanceof RowOutcome.Accepted ok) {
                    cards.merge(
                            ok.event().cardId(),
                            CardState.empty(ok.event().cardId()).apply(ok.event()),
                            (state, ignored) -> state.apply(ok.event()));
                } else {
                    rejected[0]++;
                }
            });
        }

        List<String> expected = Files.readAllLines(dir.resolve("expected.csv"));
        assertThat(rejected[0]).isEqualTo(summary.badRows());
        assertThat(cards).hasSize(expected.size() - 1);
        Map<String, Long> reasons = new HashMap<>();
        for (String line : expected.subList(1, expected.size())) {
            String[] f = line.split(",", -1);
            CardStatus status = cards.get(f[0]).toStatus(MAPPING, Instant.EPOCH);
            status.history().stream()
                    .filter(entry -> entry.reason() != null)
                    .forEach(entry -> reasons.merge(
                            entry.reason() == Reason.OTHER && entry.rawReason() != null ? "unmapped" : "mapped",
                            1L,
                            Long::sum));
            assertThat(String.join(
                            ",",
                            status.cardId(),
                            status.status().name(),
                            status.statusAt().toString(),
                            status.phone() == null ? "" : status.phone(),
                            Integer.toString(status.deliveryExceptions())))
                    .isEqualTo(line);
        }
        assertThat(reasons.get("mapped")).as("events the mapping knows").isGreaterThan(1_000);
        assertThat(reasons.get("unmapped")).as("events it counts as unmapped").isGreaterThan(1_000);
    }
}
