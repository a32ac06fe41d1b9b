/**
 * Reading partner files: a CSV of any size streamed row by row into card events or rejections with their reasons, by
 * the rules of contract §2 and the partner's profile (time zone, date order, phone region, header spellings). Plain
 * Java, shared by the ingest service, the bench and the tests.
 */
@NullMarked
package com.zywa.cardstatus.formats;

import org.jspecify.annotations.NullMarked;
