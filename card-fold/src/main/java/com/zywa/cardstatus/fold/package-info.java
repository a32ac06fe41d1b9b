/**
 * The fold of a card's events into its current status (contract §4), the bounds of one card (contract §7) and the
 * binary form of its state: plain Java the processor's topology, the bench and the tests share.
 */
@NullMarked
package com.zywa.cardstatus.fold;

import org.jspecify.annotations.NullMarked;
