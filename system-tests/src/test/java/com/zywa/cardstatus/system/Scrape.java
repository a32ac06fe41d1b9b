package com.zywa.cardstatus.system;

import com.zywa.cardstatus.support.security.TestCredentials;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.client.RestClient;

/** One Prometheus scrape of a service's {@code /actuator/prometheus}, taken with the metrics key as Prometheus sends it. */
record Scrape(String text) {

    private static final RestClient HTTP = RestClient.create();

    static Scrape of(String serviceUrl) {
        return new Scrape(HTTP.get()
                .uri(serviceUrl + "/actuator/prometheus")
                .header("Authorization", "ApiKey " + TestCredentials.METRICS_KEY)
                .retrieve()
                .body(String.class));
    }

    /** The value of the first series {@code name} that has all of {@code labels} ({@code a="b"}). */
    double value(String name, String... labels) {
        return find(name, labels)
                .orElseThrow(() -> new AssertionError("no series " + name + " " + Arrays.toString(labels)));
    }

    /** The same, 0 when the series does not exist yet (a counter nothing has counted). */
    double valueOrZero(String name, String... labels) {
        return find(name, labels).orElse(0.0);
    }

    /** The names of the series. */
    Set<String> seriesNames() {
        Set<String> names = new TreeSet<>();
        text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private Optional<Double> find(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }
}
