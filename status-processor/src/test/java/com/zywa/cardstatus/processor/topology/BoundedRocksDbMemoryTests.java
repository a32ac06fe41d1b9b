package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbMemoryTests {

    @Test
    void everyStoreKeepsItsIndexAndFilterBlocksInTheOneSharedCache() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options first = options();
                Options second = options()) {
            setter.setConfig("card-state", first, Map.of());
            setter.setConfig("stall-index", second, Map.of());

            for (Options options : new Options[] {first, second}) {
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
            setter.close("card-state", first);
            setter.close("stall-index", second);
        }
    }

    // no RocksDB.loadLibrary() here: Kafka Streams configures the setter before it loads the native library itself,
    // and an Options object alone does not load it either, so the setter must
    private static Options options() {
        // as Kafka Streams hands them over: a block-based table config already in place
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
