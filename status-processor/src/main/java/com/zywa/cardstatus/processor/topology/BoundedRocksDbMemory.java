package com.zywa.cardstatus.processor.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of the fold in this process, whatever the number of tasks and cards
 * (contract §14): the stores share one block cache of {@value #CACHE_BYTES} bytes, their write buffers (memtables)
 * count against it up to {@value #WRITE_BUFFER_BYTES}, and the index and filter blocks of their files live in it
 * instead of beside it. By default each store of each task has its own 50 MB cache and up to three 16 MB memtables,
 * and the index and filter blocks of every file stay in memory outside any cache, so the processor's memory grew
 * with its tasks and with the cards it holds. Blocks evicted from the cache are read again from the files (the page
 * cache, mostly). Set as {@code rocksdb.config.setter} (status-processor.properties).
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long CACHE_BYTES = 128L * 1024 * 1024;
    static final long WRITE_BUFFER_BYTES = 32L * 1024 * 1024;

    /**
     * One cache and one write buffer manager per process, shared by every store and never closed while it runs; made
     * when the first store is configured, with RocksDB's native library loaded first (Kafka Streams instantiates
     * this class before it opens any store, so before it loads the library itself).
     */
    private static final class Shared {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(CACHE_BYTES, -1, false, 0.1);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(WRITE_BUFFER_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: they live as long as the process
    }
}
