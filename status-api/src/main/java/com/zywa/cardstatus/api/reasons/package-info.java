/** The ops list of the partners' codes and comments their reason mappings do not know (contract §10). */
@NullMarked
package com.zywa.cardstatus.api.reasons;

import org.jspecify.annotations.NullMarked;
