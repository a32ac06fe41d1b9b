package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.formats.FileKinds;
import com.zywa.cardstatus.formats.PartnerFileReader;
import com.zywa.cardstatus.formats.PartnerProfile;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.TimestampParser;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import com.zywa.cardstatus.formats.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTests {

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
        PartnerFileReader reader = new PartnerProfile(
                        "default",
                        new TimestampParser(ZoneId.of("Asia/Dubai"), DateOrder.DAY_FIRST),
                        new PhoneNormalizer("AE"),
                        Map.of(),
                        Duration.ofDays(1))
                .fileReader();
        Map<String, CardState> cards = new HashMap<>();
        long[] rejected = {0};

        for (DataGenerator.Kind kind : DataGenerator.Kind.values()) {
            reader.read(() -> Files.newInputStream(dir.resolve(kind.file)), upload(kind.file), outcome -> {
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
        for (String line : expected.subList(1, expected.size())) {
            String[] f = line.split(",", -1);
            CardStatus status = cards.get(f[0]).toStatus();
            assertThat(String.join(
                            ",",
                            status.cardId(),
                            status.status().name(),
                            status.statusAt().toString(),
                            status.phone() == null ? "" : status.phone(),
                            Integer.toString(status.deliveryExceptions())))
                    .isEqualTo(line);
        }
    }

    /** A generated file of the default partner, as the upload service would describe it, its kind from its name. */
    private static Upload upload(String file) {
        return new Upload(
                UUID.nameUUIDFromBytes(file.getBytes(StandardCharsets.UTF_8)),
                "default",
                file,
                FileKinds.resolve(null, file),
                null,
                null,
                null);
    }
}
