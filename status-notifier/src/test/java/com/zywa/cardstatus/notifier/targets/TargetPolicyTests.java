package com.zywa.cardstatus.notifier.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side request forgery: only HTTPS to public addresses, with name resolution stubbed (no DNS, no traffic). */
class TargetPolicyTests {

    private final List<String> resolved = new ArrayList<>();
    private final Map<String, String> dns = Map.of(
            "hooks.example.com", "93.184.215.14",
            "internal.example.com", "10.1.2.3",
            "mixed.example.com", "93.184.215.14,192.168.1.10",
            "v6.example.com", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");
    private final HostResolver stub = host -> {
        resolved.add(host);
        String addresses = dns.get(host);
        if (addresses == null) {
            // IP literals are parsed, never looked up
            if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        List<InetAddress> all = new ArrayList<>();
        for (String address : addresses.split(",")) {
            all.add(InetAddress.getByName(address));
        }
        return all.toArray(InetAddress[]::new);
    };
    private final TargetPolicy policy = new TargetPolicy(false, false, stub);

    @Test
    void acceptsHttpsToAPublicAddress() {
        assertThatCode(() -> policy.check(URI.create("https://hooks.example.com/cards")))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("https://v6.example.com/cards")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesLoopbackMetadataAndANameResolvingToAPrivateAddress() {
        assertRefused("https://127.0.0.1/hooks", "loopback");
        assertRefused("https://169.254.169.254/latest/meta-data/", "metadata");
        assertRefused("https://internal.example.com/hooks", "private");
        assertRefused("https://mixed.example.com/hooks", "private");
        assertRefused("https://[::1]/hooks", "loopback");
        assertRefused("https://[::ffff:10.0.0.1]/hooks", "private");
        assertRefused("https://[fd00:ec2::254]/hooks", "metadata");
        assertRefused("https://[fe80::1]/hooks", "link-local");
        assertRefused("https://0.0.0.0/hooks", "unspecified");
        assertRefused("https://100.100.100.200/hooks", "metadata");
        assertRefused("https://100.64.0.1/hooks", "carrier-grade NAT");
        assertRefused("https://224.0.0.1/hooks", "multicast");
        assertRefused("https://[64:ff9b::7f00:1]/hooks", "loopback");
        assertRefused("https://[2002:c0a8:0101::1]/hooks", "private");
    }

    @Test
    void refusesPlainHttpAndCredentialsInTheUrl() {
        assertRefused("http://hooks.example.com/hooks", "https://");
        assertRefused("ftp://hooks.example.com/hooks", "https://");
        assertRefused("https://user:pass@hooks.example.com/hooks", "credentials");
        assertThat(resolved).isEmpty();
    }

    @Test
    void allowsLoopbackOverHttpForLocalUseButNeverMetadataOrLinkLocal() {
        TargetPolicy local = new TargetPolicy(true, true, stub);

        assertThatCode(() -> local.check(URI.create("http://127.0.0.1:9000/hooks")))
                .doesNotThrowAnyException();
        assertThatCode(() -> local.check(URI.create("https://internal.example.com/hooks")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> local.check(URI.create("http://169.254.169.254/")))
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> local.check(URI.create("http://169.254.1.1/"))).hasMessageContaining("link-local");
    }

    @Test
    void theClientsResolverRefusesWhatANameResolvesToAtConnectionTime() {
        assertThatThrownBy(() -> policy.dnsResolver().resolve("internal.example.com"))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("10.1.2.3");
        assertThatCode(() -> policy.dnsResolver().resolve("hooks.example.com")).doesNotThrowAnyException();
    }

    private void assertRefused(String url, String why) {
        assertThatThrownBy(() -> policy.check(URI.create(url)))
                .as(url)
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining(why);
    }
}
