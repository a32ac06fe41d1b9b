package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the reason mapping file ({@code reason-mapping.yaml}, contract §10): per partner, {@code codes} (a code to a
 * reason, or to a list of reasons of which the first that applies to the event's type is taken) and {@code comments}
 * (patterns, each with its reason). Strict: an unknown key, a reason not in the taxonomy, a pattern that does not
 * compile or a code given twice refuses the whole file, saying where, so a typo never silently unmaps a partner.
 */
public final class ReasonMappingFile {

    /** The file shipped with the service, mapping partner {@code default}. */
    public static final String DEFAULT = "reason-mapping.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ReasonMappingFile() {}

    /** A file that cannot be a reason mapping, and where. */
    public static final class InvalidException extends IllegalArgumentException {
        InvalidException(String message) {
            super(message);
        }
    }

    /** The mapping the shipped default file gives. */
    public static ReasonMapping shippedDefault() {
        return parse(shippedText());
    }

    /** The text of the shipped default file. */
    public static String shippedText() {
        try (InputStream in = ReasonMappingFile.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping {@code yaml} describes. */
    public static ReasonMapping parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidException("not YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidException("the file is empty; it needs at least 'partners:'");
        }
        only(root, "", Set.of("taxonomy", "partners"));
        JsonNode taxonomy = root.path("taxonomy");
        if (!taxonomy.isMissingNode() && taxonomy.asInt(-1) != Reason.TAXONOMY_VERSION) {
            throw new InvalidException("taxonomy: " + taxonomy.asString() + " is not this service's taxonomy version "
                    + Reason.TAXONOMY_VERSION);
        }
        JsonNode partners = object(root.path("partners"), "partners");
        Map<String, PartnerReasons> mapping = new HashMap<>();
        partners.properties()
                .forEach(partner ->
                        mapping.put(partner.getKey(), partner(partner.getValue(), "partners." + partner.getKey())));
        return ReasonMapping.of(mapping);
    }

    private static PartnerReasons partner(JsonNode node, String where) {
        object(node, where);
        only(node, where + ".", Set.of("codes", "comments"));
        Map<String, List<Reason>> codes = new HashMap<>();
        JsonNode codesNode = node.path("codes");
        if (!codesNode.isMissingNode() && !codesNode.isNull()) {
            object(codesNode, where + ".codes").properties().forEach(code -> {
                String at = where + ".codes." + code.getKey();
                if (code.getKey().isBlank()) {
                    throw new InvalidException(at + ": a code may not be blank");
                }
                List<Reason> reasons = new ArrayList<>();
                if (code.getValue().isArray()) {
                    code.getValue().forEach(reason -> reasons.add(reason(reason, at)));
                } else {
                    reasons.add(reason(code.getValue(), at));
                }
                if (reasons.isEmpty() || codes.put(PartnerReasons.key(code.getKey()), List.copyOf(reasons)) != null) {
                    throw new InvalidException(at + ": "
                            + (reasons.isEmpty()
                                    ? "names no reason"
                                    : "is given twice " + "(codes are compared ignoring case and surrounding blanks)"));
                }
            });
        }
        List<PartnerReasons.CommentRule> comments = new ArrayList<>();
        JsonNode commentsNode = node.path("comments");
        if (!commentsNode.isMissingNode() && !commentsNode.isNull()) {
            if (!commentsNode.isArray()) {
                throw new InvalidException(where + ".comments: must be a list of {pattern, reason}");
            }
            for (int i = 0; i < commentsNode.size(); i++) {
                comments.add(rule(commentsNode.get(i), where + ".comments[" + i + "]"));
            }
        }
        return new PartnerReasons(codes, comments);
    }

    private static PartnerReasons.CommentRule rule(JsonNode node, String where) {
        object(node, where);
        only(node, where + ".", Set.of("pattern", "reason"));
        JsonNode pattern = node.path("pattern");
        if (!pattern.isString() || pattern.asString().isBlank()) {
            throw new InvalidException(where + ".pattern: must be a regular expression");
        }
        try {
            return PartnerReasons.CommentRule.of(pattern.asString(), reason(node.path("reason"), where + ".reason"));
        } catch (PatternSyntaxException e) {
            throw new InvalidException(where + ".pattern: not a regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static Reason reason(JsonNode node, String where) {
        String name = node.isString() ? node.asString().strip() : node.toString();
        try {
            return Reason.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidException(where + ": '" + name + "' is not a reason of taxonomy " + Reason.TAXONOMY_VERSION
                    + "; one of " + Arrays.toString(Reason.values()));
        }
    }

    private static JsonNode object(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidException(where + ": must be a mapping (name: value lines)");
        }
        return node;
    }

    private static void only(JsonNode node, String prefix, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidException(prefix + name + ": unknown key; expected "
                        + allowed.stream().sorted().toList());
            }
        }
    }
}
