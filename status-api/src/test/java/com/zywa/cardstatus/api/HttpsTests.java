package com.zywa.cardstatus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service serves HTTPS through a Spring SSL bundle of PEM files (the form cert-manager and {@code kubernetes.io/tls}
 * Secrets hold): a certificate made for the test by the JDK's {@code keytool} is served, and a client trusting only
 * it reads the open liveness probe.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=status-api")
class HttpsTests {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void sslBundle(DynamicPropertyRegistry registry) throws Exception {
        KeyStore keyStore = selfSignedKeyStore();
        Files.writeString(
                dir.resolve("tls.crt"),
                pem("CERTIFICATE", keyStore.getCertificate("server").getEncoded()));
        Files.writeString(
                dir.resolve("tls.key"),
                pem("PRIVATE KEY", keyStore.getKey("server", PASSWORD).getEncoded()));
        registry.add("spring.ssl.bundle.pem.server.keystore.certificate", () -> "file:" + dir.resolve("tls.crt"));
        registry.add("spring.ssl.bundle.pem.server.keystore.private-key", () -> "file:" + dir.resolve("tls.key"));
        registry.add("server.ssl.bundle", () -> "server");
    }

    @Test
    void servesTheLivenessProbeOverHttpsWithTheBundlesCertificate() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(trusting(selfSigned())).build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health/liveness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        assertThat(response.sslSession())
                .hasValueSatisfying(session -> assertThat(session.getProtocol()).startsWith("TLS"));
    }

    /** A key pair and self-signed certificate for localhost, made by the JDK's keytool as an operator would. */
    private static KeyStore selfSignedKeyStore() throws Exception {
        Path store = dir.resolve("server.p12");
        if (!Files.exists(store)) {
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(List.of(
                            keytool,
                            "-genkeypair",
                            "-alias",
                            "server",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            new String(PASSWORD)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(output).isZero();
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        return keyStore;
    }

    private static Certificate selfSigned() throws Exception {
        return selfSignedKeyStore().getCertificate("server");
    }

    private static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
