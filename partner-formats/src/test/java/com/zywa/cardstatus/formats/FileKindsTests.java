package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.contract.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileKindsTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Sample Card Status Info - Pickup.csv|PICKED_UP",
                "Sample Card Status Info - Delivery exceptions.csv|DELIVERY_EXCEPTION",
                "Sample Card Status Info - Delivered.csv|DELIVERED",
                "Sample Card Status Info - Returned.csv|RETURNED",
                "PICKUP_2023-11-12.CSV|PICKED_UP",
                "cards-picked-up.tsv|PICKED_UP",
                "exceptions.csv|DELIVERY_EXCEPTION",
            })
    void takesTheKindFromTheFileName(String fileName, EventType kind) {
        assertThat(FileKinds.resolve(null, fileName)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pickup|PICKED_UP", "PICKED_UP|PICKED_UP", "exception|DELIVERY_EXCEPTION",
                "delivery_exception|DELIVERY_EXCEPTION", "Delivered|DELIVERED", "returned|RETURNED",
            })
    void anExplicitKindWinsOverTheFileName(String kind, EventType expected) {
        assertThat(FileKinds.resolve(kind, "Sample - Returned.csv")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cards.csv|file name 'cards.csv' does not name a kind",
                "pickup-and-returned.csv|file name 'pickup-and-returned.csv' names several kinds",
            })
    void refusesAFileWhoseKindIsUnknown(String fileName, String message) {
        assertThatThrownBy(() -> FileKinds.resolve(null, fileName))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining("pass kind=pickup|exception|delivered|returned");
    }

    @ParameterizedTest
    @CsvSource("lost")
    void refusesAnUnknownExplicitKind(String kind) {
        assertThatThrownBy(() -> FileKinds.resolve(kind, "pickup.csv"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("kind 'lost' is not one of pickup, exception, delivered, returned");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DELIVERY_EXCEPTION|DELIVERY_EXCEPTION",
                " picked-up |PICKED_UP",
                "delivered|DELIVERED",
                "RETURNED|RETURNED",
            })
    void parsesAnEventType(String type, EventType expected) {
        assertThat(FileKinds.parse(type)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "lost", "DELIVERED_LATE"})
    void parsesNoEventTypeFromAnUnknownOrEmptyName(String type) {
        assertThat(FileKinds.parse(type)).isEmpty();
    }
}
