package com.zywa.cardstatus.bench;

import com.zywa.cardstatus.bench.DataGenerator.Kind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** One generated card: its lifecycle written as partner rows, and the final state those rows must fold to. */
final class Card {

    private final String id;
    private final String phone;
    private Instant clock;
    private Kind last;
    private Instant lastAt;
    private int exceptions;
    private boolean phoneKept;

    Card(String id, String phone, Instant start) {
        this.id = id;
        this.phone = phone;
        this.clock = start;
    }

    /** Writes the lifecycle; returns how many rows it took. */
    long write(Random random, PartnerQuirks quirks, Map<Kind, BufferedWriter> out, Map<Kind, Long> counts)
            throws IOException {
        long rows = 0;
        boolean redispatch = random.nextInt(20) == 0;
        for (int round = 0; round < (redispatch ? 2 : 1); round++) {
            rows += row(Kind.PICKUP, random, quirks, out, counts);
            int failed = random.nextInt(4);
            for (int i = 0; i < failed; i++) {
                rows += row(Kind.EXCEPTION, random, quirks, out, counts);
            }
            boolean returned = redispatch ? round == 0 : random.nextInt(10) < 3;
            rows += row(returned ? Kind.RETURNED : Kind.DELIVERED, random, quirks, out, counts);
        }
        return rows;
    }

    private long row(
            Kind kind, Random random, PartnerQuirks quirks, Map<Kind, BufferedWriter> out, Map<Kind, Long> counts)
            throws IOException {
        clock = clock.plus(Duration.ofMinutes(30 + random.nextInt(60 * 30)));
        String phoneField = quirks.phone(phone);
        phoneKept |= !PartnerQuirks.mangled(phoneField);
        StringBuilder line = new StringBuilder()
                .append(kind.name().charAt(0))
                .append(counts.get(kind))
                .append(',')
                .append(id)
                .append(',')
                .append(phoneField)
                .append(',')
                .append(quirks.time(clock));
        if (kind == Kind.EXCEPTION) {
            line.append(',').append(DataGenerator.exceptionReason(random));
            exceptions++;
        } else if (kind == Kind.DELIVERED) {
            line.append(",DELIVERED");
        } else if (kind == Kind.RETURNED) {
            line.append(',').append(DataGenerator.returnReason(random));
        }
        out.get(kind).write(line.append("\r\n").toString());
        counts.merge(kind, 1L, Long::sum);
        last = kind;
        lastAt = clock;
        return 1;
    }

    /** {@code card_id,status,status_at,phone,delivery_exceptions} as the service must end up answering. */
    String expectedLine() {
        String status = switch (last) {
            case PICKUP -> "PICKED_UP";
            case EXCEPTION -> "DELIVERY_EXCEPTION";
            case DELIVERED -> "DELIVERED";
            case RETURNED -> "RETURNED";
        };
        return String.join(",", id, status, lastAt.toString(), phoneKept ? phone : "", Integer.toString(exceptions));
    }
}
