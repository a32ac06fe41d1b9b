package com.zywa.cardstatus.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The metric names a Grafana dashboard queries: every PromQL expression ({@code expr}) of its panels and variables,
 * stripped of strings, label matchers, ranges, groupings and variables, leaves functions (followed by a parenthesis),
 * keywords and numbers out; what remains are the metrics.
 */
final class DashboardQueries {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\(?))");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "and",
            "or",
            "unless",
            "inf",
            "nan");

    private DashboardQueries() {}

    /** The metric names of every expression in {@code dashboard}. */
    static Set<String> metricNames(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        collect(dashboard, expressions);
        Set<String> names = new TreeSet<>();
        expressions.forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }

    /** The metric names of one PromQL expression. */
    static Set<String> metricNames(String expression) {
        String bare = GROUPING.matcher(STRINGS.matcher(expression).replaceAll("\"\""))
                .replaceAll("")
                .replaceAll("\\{[^}]*}", "{}")
                .replaceAll("\\[[^]]*]", "[]")
                .replaceAll("\\$\\{?\\w+}?", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            boolean function = !matcher.group(1).isEmpty();
            boolean inNumber = matcher.start() > 0 && Character.isLetterOrDigit(bare.charAt(matcher.start() - 1))
                    || matcher.start() > 0 && bare.charAt(matcher.start() - 1) == '.';
            if (!function && !inNumber && !KEYWORDS.contains(matcher.group().toLowerCase())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static void collect(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    expressions.add(field.getValue().asString());
                } else {
                    collect(field.getValue(), expressions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, expressions));
        }
    }
}
