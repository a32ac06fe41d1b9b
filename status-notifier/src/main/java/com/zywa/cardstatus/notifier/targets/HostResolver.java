package com.zywa.cardstatus.notifier.targets;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name (or an IP literal) to its addresses; the system's resolver, or a stub in tests. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
