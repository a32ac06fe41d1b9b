package com.zywa.cardstatus.bench;

import java.nio.file.Path;

/** Where the running service and its infrastructure are, as {@code bench/run} exports them. */
record Endpoints(String apiUrl, String ingestUrl, String bootstrapServers, String jdbcUrl, String dbUser,
        String dbPassword, Path pidDir, Path postgresPidFile) {

    static Endpoints fromEnvironment() {
        return new Endpoints(env("BENCH_API_URL", "http://localhost:8080"), env("BENCH_INGEST_URL", "http://localhost:8081"),
                env("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/cardstatus"),
                env("SPRING_DATASOURCE_USERNAME", "cardstatus"), env("SPRING_DATASOURCE_PASSWORD", "cardstatus"),
                Path.of(env("LOCAL_DIR", ".local"), "pids"),
                Path.of(env("LOCAL_DIR", ".local"), "postgres", "data", "postmaster.pid"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
