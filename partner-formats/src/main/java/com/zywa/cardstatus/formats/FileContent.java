package com.zywa.cardstatus.formats;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a partner file, readable more than once (an uploaded part, a drop-folder file), so its encoding
 * can be checked in a first pass before its rows are read in a second, both streaming.
 */
@FunctionalInterface
public interface FileContent {

    /** A new stream over the whole file, from its first byte; the caller closes it. */
    InputStream open() throws IOException;
}
