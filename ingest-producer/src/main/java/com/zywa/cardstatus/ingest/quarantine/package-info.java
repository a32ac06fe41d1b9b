/** Ops decisions about quarantined events and cards' owners, sent to the fold on card.commands (contract §11.1). */
@NullMarked
package com.zywa.cardstatus.ingest.quarantine;

import org.jspecify.annotations.NullMarked;
