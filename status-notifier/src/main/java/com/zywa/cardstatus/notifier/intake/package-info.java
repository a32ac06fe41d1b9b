/** Reading changes from Kafka and enqueueing the webhooks they owe, without repeating what was already sent. */
@NullMarked
package com.zywa.cardstatus.notifier.intake;

import org.jspecify.annotations.NullMarked;
