/**
 * Who looked whom up (contract §12.1): every lookup by phone and every answer that returned a phone is recorded with
 * its caller, time, card and a keyed hash of the phone, kept for a configured time, and listed for ops.
 */
@NullMarked
package com.zywa.cardstatus.api.audit;

import org.jspecify.annotations.NullMarked;
