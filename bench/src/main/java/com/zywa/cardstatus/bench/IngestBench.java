package com.zywa.cardstatus.bench;

import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end ingest: upload the partner files and time until the PostgreSQL projection holds every card's final
 * state; beside it, the two limits of this machine for the same rows: PostgreSQL {@code COPY} into a plain table
 * and a plain Kafka producer sending the raw lines.
 */
final class IngestBench {

    private static final Logger log = LoggerFactory.getLogger(IngestBench.class);
    private static final Duration E2E_TIMEOUT = Duration.ofMinutes(10);

    /** The phones' keyed hash of the stack bench/run started (its key as bench/run exports it), or none. */
    private final @Nullable PhoneHasher hasher = hasher();
    /** Timed passes of the raw Kafka baseline, after its untimed first one. */
    static final int KAFKA_WARM_PASSES = 5;

    private final Endpoints endpoints;
    private final List<Path> files;
    private final Path expected;
    private final long rows;
    private double copyRate;
    private double kafkaRate;
    private double kafkaColdRate;
    private String kafkaRange;
    /** Run once the first file of the end-to-end phase is uploaded ({@code --lose-state}), or nothing. */
    private MidRun afterFirstUpload = () -> {};

    /** What the end-to-end phase does mid-run, after its first upload. */
    @FunctionalInterface
    interface MidRun {
        void run() throws Exception;
    }

    IngestBench(Endpoints endpoints, List<Path> files, Path expected) throws IOException {
        this.endpoints = endpoints;
        this.files = files;
        this.expected = expected;
        long total = 0;
        for (Path file : files) {
            try (var lines = Files.lines(file)) {
                total += lines.count() - 1;
            }
        }
        this.rows = total;
    }

    /**
     * The same rows by PostgreSQL {@code COPY} into a plain table: once untimed (a cold JDBC driver and the first
     * pages of the table), then timed.
     */
    void copyBaseline(Results results) throws Exception {
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_copy_rows");
            sql.execute(
                    "CREATE UNLOGGED TABLE bench_copy_rows (id TEXT, card_id TEXT, phone TEXT, ts TEXT, comment TEXT, "
                            + "reason TEXT)");
            double cold = copy(db);
            sql.execute("TRUNCATE bench_copy_rows");
            double seconds = copy(db);
            sql.execute("DROP TABLE bench_copy_rows");
            copyRate = rows / seconds;
            results.put("copy_rows_per_s", copyRate);
            log.info(
                    "COPY baseline: {} rows in {} s (the untimed first pass: {} s)",
                    rows,
                    String.format("%.2f", seconds),
                    String.format("%.2f", cold));
        }
    }

    private double copy(Connection db) throws Exception {
        long start = System.nanoTime();
        for (Path file : files) {
            // as many columns as the file has: 4 (pickups), 5 (a comment), 6 (exceptions: a comment and a reason code)
            String columns = String.join(
                    ", ",
                    List.of("id", "card_id", "phone", "ts", "comment", "reason")
                            .subList(0, header(file).split(",").length));
            try (Reader in = Files.newBufferedReader(file)) {
                db.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY bench_copy_rows (" + columns + ") FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
        }
        return seconds(start);
    }

    /**
     * The raw lines into a topic of {@code partitions} partitions, as many as the pipeline's topics have: once
     * untimed, then {@value #KAFKA_WARM_PASSES} times timed, the baseline being the median pass. A first pass of a
     * million rows, by a producer whose code is not compiled yet into a new topic, lasts two or three seconds and
     * measured anything from 300,000 to 500,000 rows/s on one box, the second about twice that; the baseline is what
     * a warm producer does, as the pipeline is measured warm too. A single warm pass lasts a second or two, and two
     * runs of the same session measured 520,000 and 962,000 rows/s with it: hence the median of several.
     */
    void kafkaBaseline(Results results, int partitions) throws Exception {
        String topic = "bench.raw-lines-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", endpoints.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get();
            double cold;
            Latencies passes = new Latencies();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(
                            "bootstrap.servers",
                            endpoints.bootstrapServers(),
                            "acks",
                            "all",
                            "enable.idempotence",
                            "true",
                            "compression.type",
                            "lz4",
                            "batch.size",
                            "262144",
                            "linger.ms",
                            "5"),
                    new StringSerializer(),
                    new StringSerializer())) {
                cold = send(producer, topic);
                for (int pass = 0; pass < KAFKA_WARM_PASSES; pass++) {
                    passes.add((long) (send(producer, topic) * 1e9));
                }
            }
            admin.deleteTopics(Set.of(topic)).all().get();
            double seconds = passes.percentileMs(50) / 1000;
            kafkaRate = rows / seconds;
            results.put("kafka_rows_per_s", kafkaRate);
            kafkaColdRate = rows / cold;
            results.put("kafka_cold_rows_per_s", kafkaColdRate);
            kafkaRange = String.format(
                    "%.0f-%.0f", rows / (passes.percentileMs(100) / 1000), rows / (passes.percentileMs(0) / 1000));
            log.info(
                    "Kafka baseline: {} rows in {} s, the median of {} passes ({} rows/s; the untimed first pass: {} s)",
                    rows,
                    String.format("%.2f", seconds),
                    KAFKA_WARM_PASSES,
                    kafkaRange,
                    String.format("%.2f", cold));
        }
    }

    private double send(KafkaProducer<String, String> producer, String topic) throws IOException {
        long start = System.nanoTime();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file)) {
                in.readLine();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    producer.send(new ProducerRecord<>(topic, line));
                }
            }
        }
        producer.flush();
        return seconds(start);
    }

    /** One upload of the files and the wait for its outcome in the projection. */
    private record Run(
            long cards,
            long correct,
            double seconds,
            double uploaded,
            Map<String, Long> cpuBefore,
            Map<String, Long> cpuAfter,
            Map<String, Long> compilersBefore,
            Map<String, Long> compilersAfter) {}

    /**
     * Ingests these files into the freshly started services, so that the measured run meets JIT-compiled code as a
     * service in operation does; reports how long this first, cold ingest took. The last thing before the measured
     * run: the baselines' load (the broker compressing and validating lz4 batches) would otherwise have the JIT
     * compilers recompiling for a different traffic when the measurement starts.
     */
    void warmUp(Results results) throws Exception {
        Run run = ingest();
        results.row(
                "warm-up ingest, " + rows + " rows (cold JVMs)",
                String.format("%.1f s, %.0f rows/s", run.seconds(), rows / run.seconds()),
                run.correct() == run.cards() ? "" : "NOT ALL CARDS CORRECT");
        log.info(
                "warm-up: {} rows, {} cards, {} correct, in {} s",
                rows,
                run.cards(),
                run.correct(),
                String.format("%.2f", run.seconds()));
    }

    void endToEnd(Results results) throws Exception {
        endToEnd(results, () -> {});
    }

    /** The end-to-end phase, {@code afterFirstUpload} run once its first file is uploaded. */
    void endToEnd(Results results, MidRun afterFirstUpload) throws Exception {
        this.afterFirstUpload = afterFirstUpload;
        Run run = ingest();
        double seconds = run.seconds();
        long correct = run.correct();
        long cards = run.cards();
        results.put("rows", rows);
        results.put("e2e_rows_per_s", rows / seconds);
        results.put("e2e_seconds", seconds);
        results.put("correct_cards", correct);
        results.put("wrong_cards", cards - correct);
        results.row(
                "end-to-end ingest, " + rows + " rows",
                String.format("%.1f s, %.0f rows/s", seconds, rows / seconds),
                String.format(
                        "COPY %.0f rows/s; raw Kafka %.0f rows/s (median of %d passes: %s; first pass %.0f)",
                        copyRate, kafkaRate, KAFKA_WARM_PASSES, kafkaRange, kafkaColdRate));
        results.row("  correct / wrong cards", correct + " / " + (cards - correct), "");
        results.row("  of which uploads accepted", String.format("%.1f s", run.uploaded()), "");
        results.row(
                "  CPU seconds during it",
                CpuProbe.between(run.cpuBefore(), run.cpuAfter()),
                String.format("%.0f available (2 cores)", 2 * seconds));
        results.put("e2e_cpu_s", CpuProbe.seconds(run.cpuBefore(), run.cpuAfter(), "machine"));
        // the capacity model's figures: what each part costs per million rows in this phase only (not the warm-up)
        report(
                results,
                "  CPU seconds per 1M rows",
                "cpu_s_per_1m_rows_",
                CpuProbe.perMillionRows(run.cpuBefore(), run.cpuAfter(), rows));
        // of which the JIT compilers: a warm service no longer pays them, so they say how warm the run was
        report(
                results,
                "    of which JIT compilers",
                "jit_cpu_s_per_1m_rows_",
                CpuProbe.compilerPerMillionRows(run.compilersBefore(), run.compilersAfter(), rows));
        log.info(
                "end to end: {} rows, {} cards, {} correct, in {} s (uploads done after {} s)",
                rows,
                cards,
                correct,
                String.format("%.2f", seconds),
                String.format("%.2f", run.uploaded()));
    }

    /** CPU seconds per part as one table row and as RESULT keys {@code keyPrefix + part}. */
    private static void report(Results results, String label, String keyPrefix, Map<String, Double> perPart) {
        perPart.forEach((part, cpu) -> results.put(keyPrefix + part, cpu));
        StringBuilder line = new StringBuilder();
        perPart.forEach((part, cpu) ->
                line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", part, cpu)));
        results.row(label, line.toString(), "");
    }

    private Run ingest() throws Exception {
        long cards;
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            cards = loadExpected(db, sql);
        }
        HttpClient http = HttpClient.newHttpClient();
        CpuProbe cpu = new CpuProbe(endpoints.pidDir(), endpoints.postgresPidFile());
        Map<String, Long> cpuBefore = cpu.snapshot();
        Map<String, Long> compilersBefore = cpu.compilerSnapshot();
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            upload(http, files.get(i));
            if (i == 0) {
                afterFirstUpload.run();
            }
        }
        double uploaded = seconds(start);
        long correct = awaitProjection(cards);
        double seconds = seconds(start);
        return new Run(
                cards, correct, seconds, uploaded, cpuBefore, cpu.snapshot(), compilersBefore, cpu.compilerSnapshot());
    }

    private long loadExpected(Connection db, Statement sql) throws SQLException, IOException {
        sql.execute("DROP TABLE IF EXISTS bench_expected");
        sql.execute(
                "CREATE UNLOGGED TABLE bench_expected (card_id TEXT PRIMARY KEY, status TEXT, status_at TIMESTAMPTZ, "
                        + "phone TEXT, delivery_exceptions INT)");
        long cards;
        try (Reader in = Files.newBufferedReader(expected)) {
            cards = db.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_expected FROM STDIN WITH (FORMAT csv, " + "HEADER true)", in);
        }
        if (hasher != null) {
            // phones are sealed in the projection (contract §12): a card's phone is right when it is sealed under the
            // key of the expected phone, found by the phone's keyed hash as status-api finds it
            sql.execute("ALTER TABLE bench_expected ADD COLUMN phone_hash TEXT");
            List<String[]> hashes = new ArrayList<>();
            try (ResultSet phones = sql.executeQuery("SELECT card_id, phone FROM bench_expected WHERE phone <> ''")) {
                while (phones.next()) {
                    hashes.add(new String[] {hasher.of(phones.getString(2)), phones.getString(1)});
                }
            }
            try (PreparedStatement update =
                    db.prepareStatement("UPDATE bench_expected SET phone_hash = ? WHERE card_id = ?")) {
                for (String[] hash : hashes) {
                    update.setString(1, hash[0]);
                    update.setString(2, hash[1]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return cards;
    }

    /**
     * Waits until the pipeline has caught up (asking Kafka, which costs PostgreSQL nothing), then counts the cards
     * whose projected state is the expected one; keeps waiting while some are not.
     */
    private long awaitProjection(long cards) throws Exception {
        String phoneMatches = hasher == null
                ? "c.phone IS NOT DISTINCT FROM NULLIF(e.phone, '')"
                : "CASE WHEN e.phone_hash IS NULL THEN c.phone IS NULL ELSE c.phone_key_id = "
                        + "(SELECT key_id FROM ingest.phone_key k WHERE k.phone_hash = e.phone_hash) END";
        long deadline = System.nanoTime() + E2E_TIMEOUT.toNanos();
        long correct = 0;
        try (PipelineLag lag = new PipelineLag(endpoints.bootstrapServers());
                Connection db = connect();
                Statement sql = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (lag.caughtUp()) {
                    try (ResultSet count = sql.executeQuery("SELECT count(*) FROM card_status c JOIN bench_expected e "
                            + "USING (card_id) WHERE c.status = e.status AND c.status_at = e.status_at AND "
                            + "c.delivery_exceptions = e.delivery_exceptions AND " + phoneMatches)) {
                        count.next();
                        correct = count.getLong(1);
                    }
                    if (correct == cards) {
                        return correct;
                    }
                }
                Thread.sleep(50);
            }
        }
        log.warn("the projection did not reach every card's final state within {}", E2E_TIMEOUT);
        return correct;
    }

    private static @Nullable PhoneHasher hasher() {
        String key = System.getenv("CARDSTATUS_PERSONALDATA_PHONEHASHKEY");
        return key == null || key.isBlank() ? null : new PhoneHasher(key);
    }

    private void upload(HttpClient http, Path file) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.ingestUrl() + "/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-API-Key", endpoints.keys().ops())
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "upload of " + file + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
    }

    private static String header(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            return in.readLine();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
