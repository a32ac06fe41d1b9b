/** Subscriptions: who receives webhooks, for which changes, signed with which secret, and where they start. */
@NullMarked
package com.zywa.cardstatus.notifier.subscription;

import org.jspecify.annotations.NullMarked;
