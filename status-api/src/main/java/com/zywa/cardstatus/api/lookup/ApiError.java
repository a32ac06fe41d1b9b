package com.zywa.cardstatus.api.lookup;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body of every error answer: a stable code and a message a person can act on. */
record ApiError(@JsonProperty("error") String error, @JsonProperty("message") String message) {
}
