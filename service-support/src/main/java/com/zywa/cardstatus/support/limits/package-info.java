/**
 * Rate limits the services share: per-key token buckets (Bucket4j) in a bounded map, each key's rate from
 * configuration over a default, and the one 429 answer with {@code Retry-After} (docs/configuration.md).
 */
@NullMarked
package com.zywa.cardstatus.support.limits;

import org.jspecify.annotations.NullMarked;
