package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The work-queue search's cursor against the real projection (contract §13): 10,000 cards of a partner of their own
 * paged 500 at a time through status-api while 1,000 of them change between pages. Every card is listed exactly once:
 * the pages read the list as of the first page, so a card changed since keeps its place (a card listed before its
 * change does not come again; one changed before it is reached comes in its old place, with its state now).
 */
@ExtendWith(PipelineExtension.class)
class CardCursorIntegrationTests {

    private static final int CARDS = 10_000;
    private static final int CHANGED = 1_000;
    private static final int PAGE = 500;

    @Test
    void pagingWhileCardsChangeListsEveryCardExactlyOnce(Pipeline pipeline) throws SQLException {
        String partner = "cursor-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> cards = insert(pipeline.database(), partner);
        try {
            pageWhileChanging(pipeline, partner, cards);
        } finally {
            // other tests count the projection's cards per partner: leave no partner of this test behind
            try (Connection connection = connect(pipeline.database());
                    PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM card_status WHERE partner = ?")) {
                delete.setString(1, partner);
                delete.executeUpdate();
            }
        }
    }

    private void pageWhileChanging(Pipeline pipeline, String partner, List<String> cards) throws SQLException {
        List<String> toChange = new ArrayList<>(cards);
        java.util.Collections.shuffle(toChange, new Random(29));
        toChange = toChange.subList(0, CHANGED);
        PipelineClient client = new PipelineClient(pipeline);

        Map<String, Integer> listed = new HashMap<>();
        Map<String, String> listedVersion = new HashMap<>();
        Set<String> listedBeforeTheirChange = new HashSet<>();
        Set<String> changed = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = pipeline.apiUrl() + "/api/v1/cards?limit=" + PAGE + "&partner=" + partner
                    + (cursor == null ? "" : "&cursor=" + cursor);
            PipelineClient.Answer answer = client.get(url);
            assertThat(answer.status()).isEqualTo(200);
            for (JsonNode card : answer.body().get("cards")) {
                listed.merge(card.get("card_id").asString(), 1, Integer::sum);
                listedVersion.put(
                        card.get("card_id").asString(), card.get("updated_at").asString());
            }
            JsonNode next = answer.body().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            // between pages, 50 cards change (the first 20 pages change all 1,000)
            int from = Math.min(pages * 50, CHANGED);
            List<String> now = toChange.subList(from, Math.min(from + 50, CHANGED));
            now.stream().filter(listed::containsKey).forEach(listedBeforeTheirChange::add);
            change(pipeline.database(), now);
            changed.addAll(now);
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(changed).hasSize(CHANGED);
        assertThat(listed.keySet()).as("no card skipped").containsExactlyInAnyOrderElementsOf(cards);
        assertThat(listed.entrySet())
                .as("every card listed exactly once")
                .allSatisfy(
                        entry -> assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(1));
        Set<String> listedAfterTheirChange = new HashSet<>(changed);
        listedAfterTheirChange.removeAll(listedBeforeTheirChange);
        assertThat(listedBeforeTheirChange)
                .as("the test changed cards on both sides of the cursor")
                .isNotEmpty()
                .hasSizeLessThan(CHANGED);
        Map<String, String> changedAt = updatedAt(pipeline.database(), listedAfterTheirChange);
        assertThat(listedAfterTheirChange)
                .as("a card reached after its change comes with its state now")
                .allSatisfy(card -> assertThat(java.time.Instant.parse(listedVersion.get(card)))
                        .isEqualTo(java.time.Instant.parse(changedAt.get(card))));
    }

    private static Map<String, String> updatedAt(Pipeline.Database database, Set<String> cards) throws SQLException {
        Map<String, String> times = new HashMap<>();
        try (Connection connection = connect(database);
                PreparedStatement select = connection.prepareStatement(
                        "SELECT card_id, updated_at FROM card_status WHERE card_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("text", cards.toArray()));
            try (java.sql.ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    times.put(
                            rs.getString(1),
                            rs.getObject(2, java.time.OffsetDateTime.class)
                                    .toInstant()
                                    .toString());
                }
            }
        }
        return times;
    }

    private static List<String> insert(Pipeline.Database database, String partner) throws SQLException {
        List<String> cards = new ArrayList<>();
        try (Connection connection = connect(database);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO card_status (card_id, status, status_at, phone, comment, delivery_exceptions,
                                                 version, history, updated_at, partner, action_required)
                        VALUES (?, 'DELIVERY_EXCEPTION', now(), NULL, NULL, 1, 1, '[]', now() - make_interval(secs => ?),
                                ?, 'CONTACT_CARDHOLDER')""")) {
            for (int i = 0; i < CARDS; i++) {
                String card = partner.toUpperCase() + "-" + i;
                insert.setString(1, card);
                insert.setDouble(2, (CARDS - i) / 1000.0);
                insert.setString(3, partner);
                insert.addBatch();
                cards.add(card);
            }
            insert.executeBatch();
        }
        return cards;
    }

    private static void change(Pipeline.Database database, List<String> cards) throws SQLException {
        try (Connection connection = connect(database);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE card_status SET version = version + 1, updated_at = clock_timestamp()"
                                + " WHERE card_id = ANY(?)")) {
            update.setArray(1, connection.createArrayOf("text", cards.toArray()));
            update.executeUpdate();
        }
    }

    private static Connection connect(Pipeline.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
