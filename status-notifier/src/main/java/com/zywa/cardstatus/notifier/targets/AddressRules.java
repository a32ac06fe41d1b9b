package com.zywa.cardstatus.notifier.targets;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses a webhook may be sent to: public ones only. Never cloud metadata services, unspecified, link-local,
 * multicast or reserved addresses; loopback, private (RFC 1918), carrier-grade NAT and unique-local ones only where
 * configuration allows private targets (local use). An IPv6 address embedding an IPv4 one (mapped, compatible,
 * NAT64, 6to4) is judged by the IPv4 address.
 */
final class AddressRules {

    private static final Set<String> METADATA =
            Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2:0:0:0:0:0:254");

    private AddressRules() {}

    /** Why {@code address} may not be a target ("a loopback address"...), or null when it may. */
    static @Nullable String refusal(InetAddress address, boolean allowPrivate) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && embedsIpv4(bytes) != null) {
            bytes = embedsIpv4(bytes);
        }
        if (METADATA.contains(address.getHostAddress()) || (bytes.length == 4 && metadata(bytes))) {
            return "a cloud metadata address";
        }
        String always = bytes.length == 4 ? alwaysRefusedV4(bytes) : alwaysRefusedV6(bytes);
        if (always != null) {
            return always;
        }
        String local = bytes.length == 4 ? privateV4(bytes) : privateV6(bytes);
        return allowPrivate ? null : local;
    }

    private static boolean metadata(byte[] v4) {
        try {
            return METADATA.contains(Inet4Address.getByAddress(v4).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static @Nullable String alwaysRefusedV4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) {
            return "an unspecified address";
        }
        if (first == 169 && second == 254) {
            return "a link-local address";
        }
        if (first >= 224 && first < 240) {
            return "a multicast address";
        }
        if (first >= 240 || (first == 192 && second == 0 && a[2] == 0)) {
            return "a reserved address";
        }
        return null;
    }

    private static @Nullable String privateV4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 127) {
            return "a loopback address";
        }
        if (first == 10 || (first == 172 && second >= 16 && second < 32) || (first == 192 && second == 168)) {
            return "a private address";
        }
        if (first == 100 && second >= 64 && second < 128) {
            return "a carrier-grade NAT address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a private address";
        }
        return null;
    }

    private static @Nullable String alwaysRefusedV6(byte[] a) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= a[i] == 0;
        }
        if (allZeroButLast && a[15] == 0) {
            return "an unspecified address";
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
            return "a link-local address";
        }
        if ((a[0] & 0xff) == 0xff) {
            return "a multicast address";
        }
        return null;
    }

    private static @Nullable String privateV6(byte[] a) {
        boolean loopback = true;
        for (int i = 0; i < 15; i++) {
            loopback &= a[i] == 0;
        }
        if (loopback && a[15] == 1) {
            return "a loopback address";
        }
        if ((a[0] & 0xfe) == 0xfc) {
            return "a unique-local (private) address";
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return "a site-local (private) address";
        }
        return null;
    }

    /** The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:aabb:ccdd::), or null. */
    static byte @Nullable [] embedsIpv4(byte[] a) {
        if (prefix(a, 10, 0) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return tail(a, 12);
        }
        if (prefix(a, 12, 0) && !(a[12] == 0 && a[13] == 0 && a[14] == 0)) {
            return tail(a, 12);
        }
        if (a[0] == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && prefix4to12(a)) {
            return tail(a, 12);
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return new byte[] {a[2], a[3], a[4], a[5]};
        }
        return null;
    }

    private static boolean prefix(byte[] a, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (a[i] != value) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefix4to12(byte[] a) {
        for (int i = 4; i < 12; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }
}
