/** Delivering the queue: claims in card order, signed attempts, back-off, pausing after the horizon, metrics. */
@NullMarked
package com.zywa.cardstatus.notifier.delivery;

import org.jspecify.annotations.NullMarked;
