/** Rebuilds of the projection for ops: start, watch, cancel (contract §10). */
@NullMarked
package com.zywa.cardstatus.api.rebuild;

import org.jspecify.annotations.NullMarked;
