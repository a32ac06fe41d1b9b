package com.zywa.cardstatus.notifier.targets;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where webhooks may go (contract §9): HTTPS URLs (HTTP only where configuration allows it) without user info,
 * whose host resolves only to public addresses ({@link AddressRules}). Checked when a subscription is created and
 * again at every delivery, on the addresses the client actually connects to ({@link #dnsResolver()}): a name that
 * resolved to a public address yesterday and to 10.0.0.5 today (DNS rebinding) is refused before any connection.
 */
public final class TargetPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final HostResolver resolver;

    public TargetPolicy(boolean allowHttp, boolean allowPrivate, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Checks the URL's form (scheme, host, no user info); throws saying what is wrong. */
    public void checkForm(URI url) throws TargetRefusedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new TargetRefusedException("the URL must be https://" + (allowHttp ? " or http://" : ""));
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new TargetRefusedException("the URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new TargetRefusedException(
                    "the URL must not hold credentials (user info); the signature " + "authenticates the sender");
        }
    }

    /** Checks the URL's form and every address its host resolves to now. */
    public void check(URI url) throws UnknownHostException {
        checkForm(url);
        allowedAddresses(url.getHost());
    }

    /** Every address of {@code host}, when all are allowed; refused when any is not. */
    public InetAddress[] allowedAddresses(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException(bare + " has no address");
        }
        for (InetAddress address : addresses) {
            String refusal = AddressRules.refusal(address, allowPrivate);
            if (refusal != null) {
                throw new TargetRefusedException(bare + " resolves to " + refusal + " (" + address.getHostAddress()
                        + "); webhooks go to public addresses only");
            }
        }
        return addresses;
    }

    /** The HTTP client's name resolution: {@link #allowedAddresses}, so only checked addresses are connected to. */
    public DnsResolver dnsResolver() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return allowedAddresses(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}
