/** The reason mapping the fold applies (contract §10): loaded from its file, reloaded on change, counted. */
@NullMarked
package com.zywa.cardstatus.processor.reasons;

import org.jspecify.annotations.NullMarked;
