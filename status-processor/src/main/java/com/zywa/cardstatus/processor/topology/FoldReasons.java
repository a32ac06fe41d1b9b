package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.fold.ReasonMapping;
import org.jspecify.annotations.Nullable;

/**
 * What the fold needs of the reason mapping (contract §10): the mapping in force now (it may change between two
 * events without a restart), and where to report a newly folded event whose code or comment no rule maps. Bound to the
 * mapping file and Micrometer outside the topology, so the topology itself stays free of side effects.
 */
public interface FoldReasons {

    ReasonMapping mapping();

    /** A newly folded event of {@code partner} (null: its source names none) was unmapped. */
    void unmapped(@Nullable String partner);

    /** A fixed mapping that reports nothing: for tests and tools. */
    static FoldReasons fixed(ReasonMapping mapping) {
        return new FoldReasons() {
            @Override
            public ReasonMapping mapping() {
                return mapping;
            }

            @Override
            public void unmapped(@Nullable String partner) {}
        };
    }
}
