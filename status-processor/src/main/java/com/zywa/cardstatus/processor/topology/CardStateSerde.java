package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.processor.fold.CardState;
import com.zywa.cardstatus.processor.fold.CardStateCodec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serde of the fold's state for the state store and its changelog, in the compact binary form. */
final class CardStateSerde {

    private CardStateSerde() {
    }

    static Serde<CardState> create() {
        return Serdes.serdeFrom((topic, state) -> state == null ? null : CardStateCodec.encode(state),
                (topic, bytes) -> bytes == null ? null : CardStateCodec.decode(bytes));
    }
}
