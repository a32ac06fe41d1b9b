/** What is sent: the CloudEvent body of a webhook, its stable id and the hash of its content. */
@NullMarked
package com.zywa.cardstatus.notifier.webhook;

import org.jspecify.annotations.NullMarked;
