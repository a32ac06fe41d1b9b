@NullMarked
package com.zywa.cardstatus.ingest.web;

import org.jspecify.annotations.NullMarked;
