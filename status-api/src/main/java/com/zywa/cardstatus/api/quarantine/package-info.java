/** The quarantine list for ops: other partners' events for owned cards, waiting for a decision (contract §11.1). */
@NullMarked
package com.zywa.cardstatus.api.quarantine;

import org.jspecify.annotations.NullMarked;
