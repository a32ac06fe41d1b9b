/** Purging the raw text of rejected input (personal data) once it is older than its retention. */
@NullMarked
package com.zywa.cardstatus.ingest.retention;

import org.jspecify.annotations.NullMarked;
