/**
 * Rebuilding the projection without downtime (contract §10): a processor takes on a rebuild ops asked status-api for,
 * re-projects {@code card.status} from its start into a new table generation, with the reasons mapped again, and
 * switches the view when it has caught up.
 */
@NullMarked
package com.zywa.cardstatus.processor.rebuild;

import org.jspecify.annotations.NullMarked;
