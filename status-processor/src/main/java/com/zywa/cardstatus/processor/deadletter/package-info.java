/** How the processor sets aside what it cannot handle: one writer of every dead-letter record, and its producer. */
@NullMarked
package com.zywa.cardstatus.processor.deadletter;

import org.jspecify.annotations.NullMarked;
