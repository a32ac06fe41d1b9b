package com.zywa.cardstatus.api.queue;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work queue's counts in one grouped read of {@code card_status}: cards per partner, status and action required,
 * and the stalled ones among them. A scan of the projection, so it runs on a schedule ({@link QueueCounts}), never per
 * request.
 */
@Component
class QueueCountRepository {

    private static final String COUNT = """
            SELECT partner, status, action_required, count(*) AS cards,
                   count(*) FILTER (WHERE stalled_since IS NOT NULL) AS stalled
            FROM card_status
            GROUP BY partner, status, action_required
            ORDER BY partner, status, action_required
            """;

    private final JdbcClient jdbc;

    QueueCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QueueCount> count() {
        return jdbc.sql(COUNT)
                .query((rs, row) ->
                        new QueueCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
