package com.zywa.cardstatus.notifier.targets;

import java.net.UnknownHostException;

/**
 * A webhook target the notifier will not send to (not HTTPS, or an address that is not public). An
 * {@link UnknownHostException}, so the HTTP client passes it up from name resolution unchanged, before any connection.
 */
public class TargetRefusedException extends UnknownHostException {

    public TargetRefusedException(String message) {
        super(message);
    }
}
