package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How one partner's words become reasons: its codes (exact, ignoring case and surrounding blanks), each naming the
 * reasons it may mean, and its comment patterns (case-insensitive regular expressions, searched in order). Of what
 * matches, the first reason that applies to the event's type wins; codes are asked before comments. Comments repeat
 * ("User not available"), so what the patterns made of each is remembered, up to a bound.
 */
public final class PartnerReasons {

    private static final int REMEMBERED_COMMENTS = 10_000;

    private final Map<String, List<Reason>> codes;
    private final List<CommentRule> comments;
    /** What the patterns made of each comment, per event type (by ordinal). */
    private final List<Map<String, Optional<Reason>>> byComment = Arrays.stream(EventType.values())
            .map(type -> (Map<String, Optional<Reason>>) new ConcurrentHashMap<String, Optional<Reason>>())
            .toList();

    /** A comment pattern and the reason a comment it finds means. */
    public record CommentRule(Pattern pattern, Reason reason) {

        /** A rule whose pattern is compiled case-insensitively (Unicode case too). */
        public static CommentRule of(String regex, Reason reason) {
            return new CommentRule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), reason);
        }
    }

    /** The rules of a partner: codes to the reasons they may mean (in order), and comment patterns (in order). */
    public PartnerReasons(Map<String, List<Reason>> codes, List<CommentRule> comments) {
        this.codes = codes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        entry -> key(entry.getKey()), entry -> List.copyOf(entry.getValue())));
        this.comments = List.copyOf(comments);
    }

    /** What the partner's {@code code} means for an event of {@code type}, or null when it is not mapped so. */
    @Nullable
    Reason ofCode(EventType type, String code) {
        List<Reason> reasons = codes.get(key(code));
        return reasons == null ? null : first(reasons, type);
    }

    /** What the partner's {@code comment} means for an event of {@code type}, or null when no pattern finds it so. */
    @Nullable
    Reason ofComment(EventType type, String comment) {
        Map<String, Optional<Reason>> remembered = byComment.get(type.ordinal());
        Optional<Reason> known = remembered.get(comment);
        if (known == null) {
            known = Optional.ofNullable(search(type, comment));
            if (remembered.size() >= REMEMBERED_COMMENTS) {
                remembered.clear();
            }
            remembered.put(comment, known);
        }
        return known.orElse(null);
    }

    private @Nullable Reason search(EventType type, String comment) {
        for (CommentRule rule : comments) {
            if (rule.reason().appliesTo(type) && rule.pattern().matcher(comment).find()) {
                return rule.reason();
            }
        }
        return null;
    }

    private static @Nullable Reason first(List<Reason> reasons, EventType type) {
        for (Reason reason : reasons) {
            if (reason.appliesTo(type)) {
                return reason;
            }
        }
        return null;
    }

    static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }
}
