package com.zywa.cardstatus.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseExcerptTests {

    @Test
    void keepsAtMostOneKibibyteOfTheAnswer() throws Exception {
        String excerpt = ResponseExcerpt.read(
                new ByteArrayInputStream("x".repeat(100_000).getBytes()));

        assertThat(excerpt).hasSize(ResponseExcerpt.MAX_BYTES);
    }

    @Test
    void escapesControlCharactersSoTheExcerptIsOneHarmlessLine() throws Exception {
        String answer = "error\r\nSet-Cookie: x\u001b[31m\u0000\tend\\";

        String excerpt = ResponseExcerpt.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));

        assertThat(excerpt).isEqualTo("error\\r\\nSet-Cookie: x\\u001b[31m\\u0000\\tend\\\\");
        assertThat(excerpt.chars()).noneMatch(Character::isISOControl);
    }

    @Test
    void readsBrokenUtf8AndNothing() throws Exception {
        assertThat(ResponseExcerpt.read(new ByteArrayInputStream(new byte[] {'o', 'k', (byte) 0xc3})))
                .isEqualTo("ok\ufffd");
        assertThat(ResponseExcerpt.read(new ByteArrayInputStream(new byte[0]))).isNull();
        assertThat(ResponseExcerpt.read(null)).isNull();
    }
}
