/**
 * Erasure on request (contract §12): ops ask the service to forget a phone, or a card's phones; status-api deletes
 * the phones' data keys (crypto-shredding: every value sealed under them becomes unreadable, wherever it was copied),
 * forgets the phones' hashes in the lookup audit, and leaves a receipt that holds no phone.
 */
@NullMarked
package com.zywa.cardstatus.api.erasure;

import org.jspecify.annotations.NullMarked;
