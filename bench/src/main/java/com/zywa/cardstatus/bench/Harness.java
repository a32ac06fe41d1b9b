package com.zywa.cardstatus.bench;

import java.nio.file.Path;
import java.util.Map;

/** Measures the running service (filled in by the benchmark work). */
final class Harness {

    Harness(Map<String, String> options, long rows, long seed, Path data) {
    }

    void run() {
        throw new UnsupportedOperationException("bench run is not implemented yet; use bench generate");
    }
}
