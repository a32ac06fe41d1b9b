/** The per-card order of the delivery queue: one head per card and subscription, kept under a lock. */
@NullMarked
package com.zywa.cardstatus.notifier.queue;

import org.jspecify.annotations.NullMarked;
