package com.zywa.cardstatus.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mapping file is read whole or refused whole, saying where it went wrong. */
class ReasonMappingFileTests {

    @Test
    void readsTheShippedDefault() {
        assertThat(ReasonMappingFile.shippedDefault().partners()).containsExactly("default");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "partners: {default: {codes: {NH: RECIPIENT_UNAVAILBLE}}}"
                        + "| partners.default.codes.NH: 'RECIPIENT_UNAVAILBLE' is not a reason of taxonomy 1",
                "partners: {default: {code: {NH: LOST}}}| partners.default.code: unknown key; expected [codes, comments]",
                "partners: {default: {comments: [{pattern: '(unclosed', reason: LOST}]}}"
                        + "| partners.default.comments[0].pattern: not a regular expression",
                "partners: {default: {codes: {NH: LOST, ' nh': DAMAGED}}}| partners.default.codes. nh: is given twice",
                "partners: {default: {comments: {pattern: x, reason: LOST}}}"
                        + "| partners.default.comments: must be a list of {pattern, reason}",
                "{taxonomy: 2, partners: {}}| taxonomy: 2 is not this service's taxonomy version 1",
                "partners: [default]| partners: must be a mapping",
                "'# nothing'| the file is empty",
                "partners: {default: {codes: {NH: [LOST}}}| not YAML",
            })
    void refusesAFileItCannotReadSayingWhere(String yaml, String message) {
        assertThatThrownBy(() -> ReasonMappingFile.parse(yaml.replace("'# nothing'", "# nothing")))
                .isInstanceOf(ReasonMappingFile.InvalidException.class)
                .hasMessageContaining(message);
    }
}
