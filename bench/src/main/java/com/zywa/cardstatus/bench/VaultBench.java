package com.zywa.cardstatus.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import com.zywa.cardstatus.support.personaldata.PhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone vault's own CPU (contract §12), in the same run as the fold's and the API's: sealing every phone of the
 * measured rows, in batches of {@link #SEAL_BATCH} as ingest seals a file, against the stack's real key table
 * ({@code ingest.phone_key}, under the KEK and hash key run-local drew for it); and opening one sealed phone per
 * lookup with its key read from PostgreSQL, as status-api does. CPU is this thread's own (Tink and the JDBC client),
 * PostgreSQL's beside it; each figure is set against the fold's CPU per 1M rows and the API's per lookup.
 */
final class VaultBench {

    private static final Logger log = LoggerFactory.getLogger(VaultBench.class);

    /** Phones sealed per call to the vault: ingest's UploadService seals a file's rows a batch of 1,000 at a time. */
    static final int SEAL_BATCH = 1_000;

    private static final int OPEN_WARMUP = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Endpoints endpoints;
    private final List<Path> files;
    private final int lookups;
    private final @Nullable String kek;
    private final @Nullable String hashKey;

    /** The vault of the stack bench/run started: its keys as bench/run exports them. */
    VaultBench(Endpoints endpoints, List<Path> files, int lookups) {
        this(
                endpoints,
                files,
                lookups,
                System.getenv("CARDSTATUS_PERSONALDATA_KEK"),
                System.getenv("CARDSTATUS_PERSONALDATA_PHONEHASHKEY"));
    }

    VaultBench(Endpoints endpoints, List<Path> files, int lookups, @Nullable String kek, @Nullable String hashKey) {
        this.endpoints = endpoints;
        this.files = files;
        this.lookups = lookups;
        this.kek = kek;
        this.hashKey = hashKey;
    }

    void run(Results results) throws Exception {
        if (kek == null || kek.isBlank() || hashKey == null || hashKey.isBlank()) {
            log.warn("vault: no CARDSTATUS_PERSONALDATA_KEK / _PHONEHASHKEY in the environment, not measured");
            return;
        }
        List<String> phones = phonesOfRows();
        long rows = rows();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUser());
        config.setPassword(endpoints.dbPassword());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            PhoneKeys keys = new PhoneKeys(pool);
            KeyEncryptionKey kekey = KeyEncryptionKey.fromJson(kek);
            PhoneHasher hasher = new PhoneHasher(hashKey);
            CpuProbe cpu = new CpuProbe(endpoints.pidDir(), endpoints.postgresPidFile());

            // first pass: what ingest pays for these rows when their keys may not exist yet (they are made)
            long keysBefore = keyCount(pool);
            PhoneVault vault = new PhoneVault(kekey, hasher, keys);
            Pass first = timed(cpu, () -> sealAll(vault, phones, value -> {}));
            long made = keyCount(pool) - keysBefore;
            // second pass, on a vault of its own: every key exists, as for phones ingest has seen before
            List<String> sealedPhones = new ArrayList<>();
            PhoneVault again = new PhoneVault(kekey, hasher, keys);
            Pass steady = timed(cpu, () -> sealAll(again, phones, sealedPhones::add));

            double perMillion = 1_000_000.0 / rows;
            results.put("seal_rows", rows);
            results.put("seal_phones", phones.size());
            results.put("seal_keys_made", made);
            results.put("seal_first_cpu_s_per_1m_rows", first.ownSeconds() * perMillion);
            results.put("seal_cpu_s_per_1m_rows", steady.ownSeconds() * perMillion);
            results.put("seal_postgresql_cpu_s_per_1m_rows", steady.postgresSeconds() * perMillion);
            results.row(
                    "vault: seal the rows' phones (CPU s / 1M rows)",
                    String.format(
                            Locale.ROOT,
                            "%.2f own + %.2f PostgreSQL",
                            steady.ownSeconds() * perMillion,
                            steady.postgresSeconds() * perMillion),
                    String.format(
                            Locale.ROOT,
                            "first pass (%,d keys made): %.2f own",
                            made,
                            first.ownSeconds() * perMillion));

            // opening: one sealed phone per lookup, its key read from PostgreSQL, on a vault that has none cached
            Random random = new Random(7);
            List<String> distinct = sealedPhones.stream().distinct().toList();
            PhoneVault opener = new PhoneVault(kekey, hasher, keys);
            for (int i = 0; i < OPEN_WARMUP; i++) {
                opener.open(distinct.get(random.nextInt(distinct.size())));
            }
            PhoneVault cold = new PhoneVault(kekey, hasher, keys);
            int[] opened = new int[1];
            Pass open = timed(cpu, () -> {
                for (int i = 0; i < lookups; i++) {
                    if (cold.open(distinct.get(random.nextInt(distinct.size()))) != null) {
                        opened[0]++;
                    }
                }
            });
            double ownUs = open.ownSeconds() * 1e6 / lookups;
            results.put("open_lookups", lookups);
            results.put("open_opened", opened[0]);
            results.put("open_cpu_us_per_lookup", ownUs);
            results.put("open_postgresql_cpu_us_per_lookup", open.postgresSeconds() * 1e6 / lookups);
            results.row(
                    "vault: open one phone (CPU µs / lookup)",
                    String.format(
                            Locale.ROOT, "%.1f own + %.1f PostgreSQL", ownUs, open.postgresSeconds() * 1e6 / lookups),
                    String.format(Locale.ROOT, "%,d lookups over %,d phones", lookups, distinct.size()));

            Double fold = results.value("cpu_s_per_1m_rows_processor");
            if (fold != null && fold > 0) {
                results.putRatio("seal_cpu_ratio_to_fold_cpu", steady.ownSeconds() * perMillion / fold);
            }
            Double api = results.value("api_cpu_us_per_request_api");
            if (api != null && api > 0) {
                results.putRatio("open_cpu_ratio_to_api_cpu_per_lookup", ownUs / api);
            }
        }
    }

    /** CPU of this thread and of PostgreSQL over one measured task. */
    record Pass(double ownSeconds, double postgresSeconds) {}

    private static Pass timed(CpuProbe cpu, ThrowingRunnable task) throws Exception {
        Map<String, Long> before = cpu.snapshot();
        long own = THREADS.getCurrentThreadCpuTime();
        task.run();
        long ownNanos = THREADS.getCurrentThreadCpuTime() - own;
        Map<String, Long> after = cpu.snapshot();
        return new Pass(ownNanos / 1e9, CpuProbe.seconds(before, after, "postgresql"));
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Seals {@code phones} (one per row that has one, in file order) {@link #SEAL_BATCH} rows at a time. */
    private static void sealAll(PhoneVault vault, List<String> phones, Consumer<String> out) {
        for (int from = 0; from < phones.size(); from += SEAL_BATCH) {
            List<String> batch = phones.subList(from, Math.min(phones.size(), from + SEAL_BATCH));
            Map<String, String> byPhone = vault.seal(batch);
            batch.forEach(phone -> out.accept(byPhone.get(phone)));
        }
    }

    /** The phone of every row that has one, in E.164 as ingest reads it (the partner's region, AE), in file order. */
    private List<String> phonesOfRows() throws IOException {
        PhoneNormalizer normalizer = new PhoneNormalizer("AE");
        List<String> phones = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] fields = line.split(",", 4);
                    if (fields.length > 2
                            && normalizer.normalize(fields[2].strip().replace("\"", "")) instanceof Phone.Valid valid) {
                        phones.add(valid.e164());
                    }
                }
            }
        }
        return phones;
    }

    private long rows() throws IOException {
        long rows = 0;
        for (Path file : files) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                rows += lines.count() - 1;
            }
        }
        return rows;
    }

    private static long keyCount(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM ingest.phone_key")) {
            count.next();
            return count.getLong(1);
        }
    }
}
