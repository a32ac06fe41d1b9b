package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.formats.PartnerFileReader;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.TestPartner;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The partner's four sample files, parsed and folded in every upload order, give the contract §4 table. */
class SampleFilesFoldTests {

    private static final List<String> FILES = List.of(
            "Sample Card Status Info - Pickup.csv",
            "Sample Card Status Info - Delivery exceptions.csv",
            "Sample Card Status Info - Delivered.csv",
            "Sample Card Status Info - Returned.csv");

    private final PartnerFileReader reader = TestPartner.profile().fileReader();

    static Stream<List<String>> uploadOrders() {
        return permutations(FILES).stream();
    }

    @ParameterizedTest(name = "order {index}: {0}")
    @MethodSource("uploadOrders")
    void everyUploadOrderGivesTheSpecTable(List<String> order) throws IOException {
        Map<String, CardStatus> cards = foldInOrder(order);

        assertThat(cards).containsOnlyKeys("ZYW8827", "ZYW8890", "ZYW7631");
        assertCard(cards.get("ZYW8827"), EventType.DELIVERED, "2023-11-13T09:34:56Z", "+971585949014", 0);
        assertCard(cards.get("ZYW8890"), EventType.RETURNED, "2023-11-14T08:00:00Z", "+971534534534", 1);
        assertCard(cards.get("ZYW7631"), EventType.DELIVERED, "2023-11-14T12:34:56Z", "+971545576586", 1);
        assertThat(cards.get("ZYW8890").history().get(1))
                .extracting(CardStatus.HistoryEntry::reason, CardStatus.HistoryEntry::actionRequired)
                .containsExactly(Reason.RECIPIENT_UNAVAILABLE, ActionRequired.CONTACT_CARDHOLDER);
        assertThat(cards.get("ZYW7631").history().get(1).reason()).isEqualTo(Reason.RECIPIENT_REFUSED);
        cards.values()
                .forEach(card -> assertThat(card.history())
                        .allSatisfy(
                                entry -> assertThat(entry.source().file()).startsWith("Sample Card Status Info - ")));
    }

    @ParameterizedTest(name = "order {index}: {0}")
    @MethodSource("uploadOrders")
    void uploadingEveryFileTwiceChangesNothing(List<String> order) throws IOException {
        List<String> twice = new ArrayList<>(order);
        twice.addAll(order);

        assertThat(foldInOrder(twice)).isEqualTo(foldInOrder(FILES));
    }

    private Map<String, CardStatus> foldInOrder(List<String> order) throws IOException {
        Map<String, CardState> states = new TreeMap<>();
        for (String file : order) {
            for (CardEvent event : read(file)) {
                states.computeIfAbsent(event.cardId(), CardState::empty);
                states.computeIfPresent(event.cardId(), (id, state) -> state.apply(event));
            }
        }
        Map<String, CardStatus> statuses = new TreeMap<>();
        states.forEach(
                (id, state) -> statuses.put(id, state.toStatus(ReasonMappingFile.shippedDefault(), Instant.EPOCH)));
        return statuses;
    }

    private List<CardEvent> read(String file) throws IOException {
        List<CardEvent> events = new ArrayList<>();
        reader.read(() -> getClass().getResourceAsStream("/samples/" + file), TestPartner.upload(file), outcome -> {
            assertThat(outcome).as("every sample row is accepted").isInstanceOf(RowOutcome.Accepted.class);
            events.add(((RowOutcome.Accepted) outcome).event());
        });
        return events;
    }

    private static void assertCard(CardStatus card, EventType status, String at, String phone, int exceptions) {
        assertThat(card.status()).isEqualTo(status);
        assertThat(card.statusAt()).isEqualTo(Instant.parse(at));
        assertThat(card.phone()).isEqualTo(phone);
        assertThat(card.deliveryExceptions()).isEqualTo(exceptions);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (T head : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(head);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
