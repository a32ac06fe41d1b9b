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
 * paged 500 at a time through status-api while 1,000 of them change between pages. No card is skipped; a card that
 * does not change is listed exactly once; a card listed before it changed is listed once more, at the end, with its
 * new time of change (the list is by last change, so the change moved it behind the cursor).
 */
@ExtendWith(PipelineExtension.class)
class CardCursorIntegrationTests {

    private static final int CARDS = 10_000;
    private static final int CHANGED = 1_000;
    private static final int PAGE = 500;

    @Test
    void pagingWhileCardsChangeSkipsNoneAndListsEveryUnchangedCardOnce(Pipeline pipeline) throws SQLException {
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
                .allSatisfy(entry -> assertThat(entry.getValue())
                        .as(entry.getKey())
                        .isEqualTo(listedBeforeTheirChange.contains(entry.getKey()) ? 2 : 1));
        assertThat(listedBeforeTheirChange)
                .as("the test changed cards on both sides of the cursor")
                .isNotEmpty()
                .hasSizeLessThan(CHANGED);
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
