/** The status-notifier application: its settings and who may call it. */
@NullMarked
package com.zywa.cardstatus.notifier;

import org.jspecify.annotations.NullMarked;
