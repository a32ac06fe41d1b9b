/**
 * The error vocabulary the services share: one writer of {@link com.zywa.cardstatus.contract.ErrorBody} answers, the
 * advice behind every service's own for the failures they all meet, and one classifier of failures.
 */
@NullMarked
package com.zywa.cardstatus.support.errors;

import org.jspecify.annotations.NullMarked;
