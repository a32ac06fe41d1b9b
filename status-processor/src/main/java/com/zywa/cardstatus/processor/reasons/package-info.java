/** The reason mapping the fold applies (contract §14): loaded from its file, reloaded on change, counted. */
@NullMarked
package com.zywa.cardstatus.processor.reasons;

import org.jspecify.annotations.NullMarked;
