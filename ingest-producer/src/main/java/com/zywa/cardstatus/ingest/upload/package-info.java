/** Partner files uploaded over HTTP (or dropped in the inbox): their lifecycle, their records and their reports. */
@NullMarked
package com.zywa.cardstatus.ingest.upload;

import org.jspecify.annotations.NullMarked;
