/**
 * The ops work queue (contract §13): cards found by status, partner, reason, action, stall and time of last change,
 * a page at a time behind a keyset cursor, as JSON or streamed as CSV, and the queue's counts.
 */
@NullMarked
package com.zywa.cardstatus.api.queue;

import org.jspecify.annotations.NullMarked;
