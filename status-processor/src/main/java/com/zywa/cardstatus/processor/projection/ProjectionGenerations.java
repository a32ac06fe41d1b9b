package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.support.errors.Failures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection's table generations (contract §10, V7): {@code card_status} is a view on the current one, a rebuild
 * fills the next. While a generation is built, a trigger on the current one copies every row the live writer stores
 * into it (version guard included), so the new generation misses nothing the rebuild's reading of {@code card.status}
 * started after; the switch replaces the view, the bookkeeping row and the old generation in one transaction.
 */
@Component
public class ProjectionGenerations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StatusProjectionRepository repository;

    ProjectionGenerations(JdbcTemplate jdbc, TransactionTemplate transactions, StatusProjectionRepository repository) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.repository = repository;
    }

    /** A rebuild this processor took on: a new request, or one whose processor stopped reporting. */
    public record Claim(int generation, String mode, boolean resumed) {}

    /** The state of a rebuild's bookkeeping row after a progress report. */
    public record Progress(long recordsTotal, long recordsRead, long cardsWritten, long reasonsRemapped) {}

    /**
     * Takes on the oldest requested rebuild, or one still building whose heartbeat is older than {@code staleAfter}
     * (its processor died), unless another processor takes it first.
     */
    public Optional<Claim> claim(String worker, Duration staleAfter) {
        return jdbc
                .query(
                        """
                        UPDATE projection_generation SET worker = ?, heartbeat_at = now(),
                            started_at = coalesce(started_at, now())
                        WHERE generation = (
                            SELECT generation FROM projection_generation
                            WHERE state = 'requested'
                               OR (state = 'building' AND heartbeat_at < now() - make_interval(secs => ?))
                            ORDER BY generation LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING generation, mode, state
                        """,
                        (rs, n) -> new Claim(rs.getInt(1), rs.getString(2), "building".equals(rs.getString(3))),
                        worker,
                        staleAfter.toMillis() / 1000.0)
                .stream()
                .findFirst();
    }

    /**
     * Creates generation {@code generation}'s table like the current one (columns, indexes, storage settings) and the
     * trigger that copies the live writer's rows into it, and marks it building: from this commit on, every status
     * the live writer stores reaches the new generation too.
     */
    public void prepare(int generation) {
        transactions.executeWithoutResult(tx -> {
            String current = currentTable();
            String next = table(generation);
            jdbc.execute("CREATE TABLE " + next + " (LIKE " + current + " INCLUDING ALL)");
            String options = jdbc.queryForObject(
                    "SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = CAST(? AS regclass)",
                    String.class,
                    current);
            if (options != null && !options.isEmpty()) {
                jdbc.execute("ALTER TABLE " + next + " SET (" + options + ")");
            }
            jdbc.execute(mirrorFunction(next, columnsToUpdate(current)));
            jdbc.execute("CREATE TRIGGER " + mirror(next) + " AFTER INSERT OR UPDATE ON " + current
                    + " FOR EACH ROW EXECUTE FUNCTION " + mirror(next) + "()");
            jdbc.update(
                    "UPDATE projection_generation SET state = 'building' WHERE generation = ? AND state = 'requested'",
                    generation);
        });
    }

    /** Writes statuses into generation {@code generation} with the version guard; returns how many it stored. */
    public int write(int generation, List<CardStatus> statuses) {
        try {
            return repository.upsert(table(generation), statuses);
        } catch (RuntimeException batchFailure) {
            if (Failures.kind(batchFailure) != Failures.Kind.CONTENT_REFUSED) {
                throw batchFailure;
            }
            // the live writer set these aside on card.status.DLT when it met them: skip them here
            int stored = 0;
            for (CardStatus status : statuses) {
                try {
                    stored += repository.upsert(table(generation), List.of(status));
                } catch (RuntimeException failure) {
                    if (Failures.kind(failure) != Failures.Kind.CONTENT_REFUSED) {
                        throw failure;
                    }
                }
            }
            return stored;
        }
    }

    /** How many cards generation {@code generation} holds. */
    public long cards(int generation) {
        Long cards = jdbc.queryForObject("SELECT count(*) FROM " + table(generation), Long.class);
        return cards == null ? 0 : cards;
    }

    /** Records a building generation's progress and heartbeat; answers whether ops asked to cancel it. */
    public boolean report(int generation, Progress progress) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                """
                UPDATE projection_generation SET heartbeat_at = now(), records_total = ?, records_read = ?,
                    cards_written = ?, reasons_remapped = ?
                WHERE generation = ? RETURNING cancel_requested
                """,
                Boolean.class,
                progress.recordsTotal(),
                progress.recordsRead(),
                progress.cardsWritten(),
                progress.reasonsRemapped(),
                generation));
    }

    /**
     * Makes generation {@code generation} the one the view shows, and drops the one it showed, in one transaction,
     * unless ops cancelled it meanwhile (false: nothing changed). The view is locked first, in the order the live
     * writer and the lookups take their locks (view, then table), so lookups wait for the switch's few milliseconds
     * instead of failing, and no write is lost between the two generations.
     */
    public boolean switchTo(int generation) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.execute("LOCK TABLE " + StatusProjectionRepository.VIEW + " IN ACCESS EXCLUSIVE MODE");
            boolean cancelled = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT cancel_requested FROM projection_generation WHERE generation = ? FOR UPDATE",
                    Boolean.class,
                    generation));
            if (cancelled) {
                return false;
            }
            String old = currentTable();
            String next = table(generation);
            jdbc.execute("CREATE OR REPLACE VIEW " + StatusProjectionRepository.VIEW + " AS SELECT * FROM " + next);
            // the work queue's cursors record moves on the generation the view shows (V10); cursors opened before
            // this switch are refused by status-api (the rebuild moved cards it did not record)
            jdbc.execute("CREATE TRIGGER card_moves AFTER UPDATE ON " + next
                    + " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION record_card_moves()");
            jdbc.execute("DROP TRIGGER " + mirror(next) + " ON " + old);
            jdbc.execute("DROP FUNCTION " + mirror(next) + "()");
            jdbc.execute("DROP TABLE " + old);
            jdbc.update(
                    "UPDATE projection_generation SET state = 'dropped', finished_at = now() WHERE state = 'current'");
            jdbc.update("""
                    UPDATE projection_generation SET state = 'current', switched_at = now(), finished_at = now(),
                        heartbeat_at = now()
                    WHERE generation = ?
                    """, generation);
            return true;
        }));
    }

    /** Ends a rebuild without switching ({@code cancelled} or {@code failed}): its trigger and table are dropped. */
    public void abandon(int generation, String state, String message) {
        transactions.executeWithoutResult(tx -> {
            String next = table(generation);
            jdbc.execute("DROP TRIGGER IF EXISTS " + mirror(next) + " ON " + currentTable());
            jdbc.execute("DROP FUNCTION IF EXISTS " + mirror(next) + "()");
            jdbc.execute("DROP TABLE IF EXISTS " + next);
            jdbc.update(
                    "UPDATE projection_generation SET state = ?, finished_at = now(), message = ? WHERE generation = ?",
                    state,
                    message,
                    generation);
        });
    }

    /** The table of the generation the view shows. */
    public String currentTable() {
        Integer current = jdbc.queryForObject(
                "SELECT generation FROM projection_generation WHERE state = 'current'", Integer.class);
        return table(current);
    }

    static String table(int generation) {
        return "card_status_g" + generation;
    }

    private static String mirror(String table) {
        return table + "_mirror";
    }

    private String columnsToUpdate(String table) {
        return jdbc.queryForObject("""
                SELECT string_agg(format('%I = EXCLUDED.%I', attname, attname), ', ' ORDER BY attnum)
                FROM pg_attribute
                WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped AND attname <> 'card_id'
                """, String.class, table);
    }

    // the current generation's rows go over whole, whatever columns other migrations added (LIKE keeps their order)
    private static String mirrorFunction(String next, String updates) {
        return """
                CREATE OR REPLACE FUNCTION %1$s_mirror() RETURNS trigger LANGUAGE plpgsql AS $mirror$
                BEGIN
                    INSERT INTO %1$s SELECT (NEW).*
                    ON CONFLICT (card_id) DO UPDATE SET %2$s WHERE %1$s.version < EXCLUDED.version;
                    RETURN NULL;
                END
                $mirror$
                """.formatted(next, updates);
    }
}
