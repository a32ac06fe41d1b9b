@NullMarked
package com.zywa.cardstatus.processor.topology;

import org.jspecify.annotations.NullMarked;
