/** Where webhooks may be sent: HTTPS to public addresses, checked at creation and on every connection (SSRF). */
@NullMarked
package com.zywa.cardstatus.notifier.targets;

import org.jspecify.annotations.NullMarked;
