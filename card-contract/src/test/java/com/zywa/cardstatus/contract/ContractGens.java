package com.zywa.cardstatus.contract;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/** Random contract records for property tests: any text (unicode, control characters, quotes), nulls, max lengths. */
final class ContractGens {

    /** Characters JSON escapes or encodes in several bytes, besides plain ones: C0, DEL, C1, separators, emoji. */
    private static final int[] CODE_POINTS = {
        'a', 'Z', '0', '9', '+', ' ', '-', '_', '"', '\\', '/', '\'', '<', '&', 0x00, 0x01, 0x08, '\t', '\n', 0x0B,
        '\f', '\r', 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0x20AC, 0x2028, 0x2029, 0x0663, 0x4E2D, 0xFEFF, 0xFFFD,
        0x1F600, 0x10FFFF
    };

    private static final long MIN_SECOND =
            Instant.parse("-1000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_SECOND =
            Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private ContractGens() {}

    /** Text of 0 to {@code maxChars} characters (at the maximum now and then). */
    static Gen<String> text(int maxChars) {
        Gen<Integer> lengths = integers()
                .between(0, 9)
                .zip(
                        integers().between(0, maxChars),
                        (pick, any) -> pick == 0 ? maxChars : pick < 5 ? Math.min(any, 12) : any);
        Gen<Integer> points = integers().between(0, CODE_POINTS.length - 1).map(i -> CODE_POINTS[i]);
        return in -> {
            int length = lengths.generate(in);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                int point = points.generate(in);
                if (Character.charCount(point) <= length - text.length()) {
                    text.appendCodePoint(point);
                }
            }
            return text.toString();
        };
    }

    static <T> Gen<T> nullable(Gen<T> values) {
        return values.toOptionals(30).map(value -> value.orElse(null));
    }

    /** Instants mostly in years 0000-9999, some outside, with whole seconds, milli-, micro- and nanoseconds. */
    static Gen<Instant> instants() {
        Gen<Long> seconds = integers()
                .between(0, 9)
                .zip(
                        longs().between(YEAR_0, YEAR_9999),
                        longs().between(MIN_SECOND, MAX_SECOND),
                        (pick, usual, any) -> pick == 0 ? any : usual);
        Gen<Integer> nanos = integers()
                .between(0, 3)
                .zip(
                        integers().between(0, 999_999_999),
                        (digits, n) -> digits == 0
                                ? 0
                                : digits == 1 ? n / 1_000_000 * 1_000_000 : digits == 2 ? n / 1_000 * 1_000 : n);
        return seconds.zip(nanos, Instant::ofEpochSecond);
    }

    static Gen<EventType> types() {
        return integers().between(0, EventType.values().length - 1).map(i -> EventType.values()[i]);
    }

    static <E extends Enum<E>> Gen<E> constants(Class<E> type) {
        E[] values = type.getEnumConstants();
        return nullable(integers().between(0, values.length - 1).map(i -> values[i]));
    }

    /** Sources of every shape: any field null or not, text of any kind, numbers of any size. */
    static Gen<EventSource> sources() {
        Gen<String> optional = nullable(text(InputLimits.PARTNER_EVENT_ID_CHARS));
        Gen<Integer> numbers = nullable(integers().all());
        Gen<Long> offsets = nullable(longs().all());
        return nullable(in -> new EventSource(
                optional.generate(in),
                optional.generate(in),
                optional.generate(in),
                numbers.generate(in),
                optional.generate(in),
                optional.generate(in),
                numbers.generate(in),
                offsets.generate(in)));
    }

    static Gen<CardEvent> events() {
        Gen<String> ids = text(InputLimits.CARD_ID_CHARS);
        Gen<String> optional = nullable(text(InputLimits.PARTNER_EVENT_ID_CHARS));
        Gen<String> comments = nullable(text(InputLimits.COMMENT_CHARS));
        Gen<String> phones = nullable(text(InputLimits.PHONE_CHARS));
        Gen<Reason> reasons = constants(Reason.class);
        Gen<EventSource> sources = sources();
        Gen<EventType> types = types();
        Gen<Instant> instants = instants();
        return in -> new CardEvent(
                ids.generate(in),
                types.generate(in),
                ids.generate(in),
                phones.generate(in),
                instants.generate(in),
                comments.generate(in),
                optional.generate(in),
                reasons.generate(in),
                optional.generate(in),
                sources.generate(in));
    }

    static Gen<CardStatus> statuses() {
        Gen<String> ids = nullable(text(InputLimits.CARD_ID_CHARS));
        Gen<String> comments = nullable(text(InputLimits.COMMENT_CHARS));
        Gen<EventType> types = nullable(types());
        Gen<Instant> instants = nullable(instants());
        Gen<Integer> counts = integers().all();
        Gen<Long> versions = longs().all();
        Gen<Integer> sizes = integers().between(0, 12);
        Gen<Reason> reasons = constants(Reason.class);
        Gen<Responsible> responsibles = constants(Responsible.class);
        Gen<ActionRequired> actions = constants(ActionRequired.class);
        Gen<Integer> attempts = nullable(integers().all());
        Gen<EventSource> sources = sources();
        Gen<CardStatus.HistoryEntry> entries = in -> new CardStatus.HistoryEntry(
                types.generate(in),
                instants.generate(in),
                comments.generate(in),
                reasons.generate(in),
                ids.generate(in),
                responsibles.generate(in),
                actions.generate(in),
                ids.generate(in),
                sources.generate(in));
        return in -> {
            List<CardStatus.HistoryEntry> history = new ArrayList<>();
            for (int i = sizes.generate(in); i > 0; i--) {
                history.add(entries.generate(in));
            }
            return new CardStatus(
                    ids.generate(in),
                    types.generate(in),
                    instants.generate(in),
                    ids.generate(in),
                    comments.generate(in),
                    reasons.generate(in),
                    ids.generate(in),
                    responsibles.generate(in),
                    actions.generate(in),
                    counts.generate(in),
                    attempts.generate(in),
                    ids.generate(in),
                    versions.generate(in),
                    instants.generate(in),
                    instants.generate(in),
                    history);
        };
    }
}
