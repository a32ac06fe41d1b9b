@NullMarked
package com.zywa.cardstatus.processor.projection;

import org.jspecify.annotations.NullMarked;
