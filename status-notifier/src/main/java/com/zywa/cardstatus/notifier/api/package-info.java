/** The subscriptions API for ops ({@code /api/v1/subscriptions}). */
@NullMarked
package com.zywa.cardstatus.notifier.api;

import org.jspecify.annotations.NullMarked;
