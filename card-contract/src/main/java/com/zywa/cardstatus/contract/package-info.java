/**
 * The records the services exchange on Kafka (events, statuses, rejections) with their JSON serde and topic names,
 * the reason taxonomy, the limits on input and the phone rules: the contract every module shares. No Spring.
 */
@NullMarked
package com.zywa.cardstatus.contract;

import org.jspecify.annotations.NullMarked;
