package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderMapTests {

    @ParameterizedTest
    @ValueSource(strings = {"Card ID", "card_id", "CardID", "CARD-ID", " Card  ID "})
    void matchesCardIdSpellings(String header) {
        HeaderMap map = HeaderMap.of(new String[] {"ID", header, "Timestamp"});

        assertThat(map.value(new String[] {"1", "ZYW1", "t"}, Column.CARD_ID)).isEqualTo("ZYW1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"User Mobile", "User contact", "user_phone", "Phone", "MOBILE"})
    void matchesPhoneSynonyms(String header) {
        HeaderMap map = HeaderMap.of(new String[] {"Card ID", header, "Timestamp"});

        assertThat(map.value(new String[] {"ZYW1", "0585949014", "t"}, Column.PHONE))
                .isEqualTo("0585949014");
    }

    @Test
    void matchesTimeCommentsAndTheTrailingSpaceInId() {
        HeaderMap map = HeaderMap.of(new String[] {"ID ", "Card ID", "Time", "Comments"});
        String[] row = {"A1", "ZYW1", "t", "late"};

        assertThat(map.value(row, Column.PARTNER_ID)).isEqualTo("A1");
        assertThat(map.value(row, Column.TIMESTAMP)).isEqualTo("t");
        assertThat(map.value(row, Column.COMMENT)).isEqualTo("late");
    }

    @Test
    void ignoresUnknownColumnsAndReportsBlankValuesAsNull() {
        HeaderMap map = HeaderMap.of(new String[] {"Card ID", "Courier", "Timestamp"});

        assertThat(map.width()).isEqualTo(3);
        assertThat(map.value(new String[] {"ZYW1", "x", "  "}, Column.TIMESTAMP))
                .isNull();
        assertThat(map.value(new String[] {"ZYW1", "x", "t"}, Column.PHONE)).isNull();
    }

    @Test
    void refusesAFileWithoutCardIdNamingWhatItFound() {
        assertThatThrownBy(() -> HeaderMap.of(new String[] {"ID", "Cart ID", "Timestamp"}))
                .isInstanceOf(FileRefusedException.class)
                .satisfies(e -> assertThat(((FileRefusedException) e).code()).isEqualTo("missing_column"))
                .hasMessage("required column Card ID is missing; found headers ['ID', 'Cart ID', 'Timestamp']");
    }

    @Test
    void refusesAFileMissingRequiredColumns() {
        assertThatThrownBy(() -> HeaderMap.of(new String[] {"ID", "User Mobile", "Comment"}))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage(
                        "required columns Card ID and Timestamp are missing; found headers ['ID', 'User Mobile', 'Comment']");
    }

    @Test
    void refusesAColumnNamedTwice() {
        assertThatThrownBy(() -> HeaderMap.of(new String[] {"Card ID", "Timestamp", "card_id"}))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageStartingWith("columns 1 ('Card ID') and 3 ('card_id') both name the Card ID column");
    }
}
