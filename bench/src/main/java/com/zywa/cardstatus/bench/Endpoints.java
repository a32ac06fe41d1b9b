package com.zywa.cardstatus.bench;

import java.nio.file.Path;

/**
 * Where the running service and its infrastructure are, and the API keys to call it with (sent as {@code X-API-Key}),
 * as {@code bench/run} exports them from the stack's {@code api-keys.env}.
 */
record Endpoints(
        String apiUrl,
        String ingestUrl,
        String notifierUrl,
        String bootstrapServers,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        Path pidDir,
        Path postgresPidFile,
        Keys keys) {

    /** One key per role the bench needs: uploads and subscriptions (ops), partner events (partner), lookups (reader). */
    record Keys(String ops, String partner, String reader) {}

    static Endpoints fromEnvironment() {
        return new Endpoints(
                env("BENCH_API_URL", "http://localhost:8080"),
                env("BENCH_INGEST_URL", "http://localhost:8081"),
                env("BENCH_NOTIFIER_URL", "http://localhost:8083"),
                env("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/cardstatus"),
                env("SPRING_DATASOURCE_USERNAME", "cardstatus"),
                env("SPRING_DATASOURCE_PASSWORD", "cardstatus"),
                Path.of(env("LOCAL_DIR", ".local"), "pids"),
                Path.of(env("LOCAL_DIR", ".local"), "postgres", "data", "postmaster.pid"),
                new Keys(
                        env("CARDSTATUS_OPS_KEY", ""),
                        env("CARDSTATUS_PARTNER_KEY", ""),
                        env("CARDSTATUS_READER_KEY", "")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
