package com.zywa.cardstatus.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * SASL/SCRAM-SHA-512 and ACLs for a single {@link LocalKafka} node (contract §11.3, §11.4): the client listener asks
 * every client for SASL/SCRAM (SASL_PLAINTEXT: this is a machine-local broker; partners may also use PLAIN with the
 * same credentials, for kcat builds that cannot do SCRAM against Kafka 4), KRaft's {@code StandardAuthorizer}
 * allows only what an ACL allows, and each principal gets only what it needs: a partner ({@code partner-<name>})
 * may write its own {@code partner.events.<name>} and nothing else; ingest, the processor and the notifier
 * ({@code cardstatus-ingest}, …) read and write their own topics, groups and transactional IDs. {@code admin} (the
 * broker between itself, and the set-up here) and {@code controller} (the controller listener, PLAIN: SCRAM's
 * credentials live in the metadata the controller serves, so it cannot log in with them) are super users.
 */
public final class LocalKafkaSecurity {

    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** The services that use Kafka, each with a principal of its own ({@code cardstatus-<service>}). */
    public static final List<String> SERVICES = List.of("ingest", "processor", "notifier");

    private static final String PARTNERS_FILE = "kafka-partners.env";
    private static final String SERVICES_FILE = "kafka-services.env";
    private static final List<String> EVENT_TOPICS =
            List.of("card.picked-up", "card.delivery-exception", "card.delivered", "card.returned");

    /** A SCRAM principal and its password. */
    public record Principal(String name, String password) {

        /** {@code sasl.jaas.config} of a Kafka client logging in as this principal. */
        public String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                    + "\" password=\"" + password + "\";";
        }

        /** Settings of a Java Kafka client of {@code bootstrapServers} logging in as this principal. */
        public Map<String, Object> clientConfig(String bootstrapServers) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("bootstrap.servers", bootstrapServers);
            config.put("security.protocol", "SASL_PLAINTEXT");
            config.put("sasl.mechanism", MECHANISM);
            config.put("sasl.jaas.config", jaasConfig());
            return config;
        }
    }

    private final Principal admin;
    private final Principal controller;
    private final Map<String, Principal> partners;
    private final Map<String, Principal> services;

    private LocalKafkaSecurity(
            Principal admin, Principal controller, Map<String, Principal> partners, Map<String, Principal> services) {
        this.admin = admin;
        this.controller = controller;
        this.partners = Map.copyOf(partners);
        this.services = Map.copyOf(services);
    }

    /** New random passwords for {@code partners} and the services (for tests). */
    public static LocalKafkaSecurity generate(List<String> partners) {
        Map<String, Principal> partnerPrincipals = new LinkedHashMap<>();
        partners.forEach(partner -> partnerPrincipals.put(partner, new Principal("partner-" + partner, password())));
        Map<String, Principal> servicePrincipals = new LinkedHashMap<>();
        SERVICES.forEach(service -> servicePrincipals.put(service, new Principal("cardstatus-" + service, password())));
        return new LocalKafkaSecurity(
                new Principal("admin", password()),
                new Principal("controller", password()),
                partnerPrincipals,
                servicePrincipals);
    }

    /**
     * The passwords kept in {@code dir} ({@code kafka-partners.env}, {@code kafka-services.env}, readable by this
     * user only), created for any principal not there yet: a partner's as {@code KAFKA_PARTNER_<NAME>_USERNAME} and
     * {@code _PASSWORD}, a service's as {@code KAFKA_SERVICE_<NAME>_…}, the broker's own as {@code KAFKA_ADMIN_…} and
     * {@code KAFKA_CONTROLLER_…}.
     */
    public static LocalKafkaSecurity stored(Path dir, List<String> partners) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>(read(dir.resolve(PARTNERS_FILE)));
        Map<String, String> keptServices = new LinkedHashMap<>(read(dir.resolve(SERVICES_FILE)));
        Map<String, Principal> partnerPrincipals = new LinkedHashMap<>();
        for (String partner : partners) {
            partnerPrincipals.put(partner, principal(kept, "KAFKA_PARTNER_", partner, "partner-" + partner));
        }
        Map<String, Principal> servicePrincipals = new LinkedHashMap<>();
        for (String service : SERVICES) {
            servicePrincipals.put(service, principal(keptServices, "KAFKA_SERVICE_", service, "cardstatus-" + service));
        }
        Principal admin = principal(keptServices, "KAFKA_", "admin", "admin");
        Principal controller = principal(keptServices, "KAFKA_", "controller", "controller");
        write(
                dir.resolve(PARTNERS_FILE),
                "Kafka credentials of the partners of this ./run-local stack (SASL/SCRAM-SHA-512)",
                kept);
        write(
                dir.resolve(SERVICES_FILE),
                "Kafka credentials of this ./run-local stack's services and of the broker itself",
                keptServices);
        return new LocalKafkaSecurity(admin, controller, partnerPrincipals, servicePrincipals);
    }

    public Principal admin() {
        return admin;
    }

    /** Partner {@code name}'s principal. */
    public Principal partner(String name) {
        return require(partners.get(name), "partner " + name);
    }

    /** Service {@code name}'s principal ({@link #SERVICES}). */
    public Principal service(String name) {
        return require(services.get(name), "service " + name);
    }

    /** The broker settings for a client listener {@code listener} on {@code port} and the controller on its port. */
    void configure(Properties config, int port, int controllerPort) {
        config.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        config.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        // partners may also log in with PLAIN (the same names and passwords): kcat on librdkafka before 2.6.1, as
        // Debian 12 ships it, cannot do SCRAM against Kafka 4; the services and the broker use SCRAM only
        config.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", MECHANISM + ",PLAIN");
        config.put(
                "listener.name.sasl_plaintext." + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                admin.jaasConfig());
        StringBuilder plainUsers = new StringBuilder();
        partners.values()
                .forEach(partner -> plainUsers
                        .append(" user_")
                        .append(partner.name())
                        .append("=\"")
                        .append(partner.password())
                        .append('"'));
        config.put(
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required" + plainUsers + ";");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put(
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + controller.name()
                        + "\" password=\"" + controller.password() + "\" user_" + controller.name() + "=\""
                        + controller.password() + "\";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + admin.name() + ";User:" + controller.name());
        config.put("allow.everyone.if.no.acl.found", "false");
    }

    /** Arguments of the storage format that give the broker its own SCRAM credential from the start. */
    List<String> formatArguments() {
        return List.of("--add-scram", MECHANISM + "=[name=" + admin.name() + ",password=" + admin.password() + "]");
    }

    /**
     * Gives every partner and service its SCRAM credential (replacing an older one) and its ACLs, as the broker's
     * admin; run after every start, so partners added to the list get theirs.
     */
    public void provision(String bootstrapServers) {
        try (Admin client = Admin.create(admin.clientConfig(bootstrapServers))) {
            List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
            ScramCredentialInfo info = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192);
            for (Principal principal : principals()) {
                credentials.add(new UserScramCredentialUpsertion(principal.name(), info, principal.password()));
            }
            client.alterUserScramCredentials(List.copyOf(credentials)).all().get();
            client.createAcls(acls()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up Kafka's principals", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("setting up Kafka's principals and ACLs failed: " + e.getCause(), e);
        }
    }

    private List<Principal> principals() {
        List<Principal> all = new ArrayList<>(partners.values());
        all.addAll(services.values());
        return all;
    }

    /** Every ACL: each partner its own topic; each service its topics, groups and transactional IDs. */
    List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        partners.forEach((partner, principal) -> {
            String topic = "partner.events." + partner;
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE);
        });
        for (Principal service : services.values()) {
            // whichever service starts first creates the pipeline's topics that are missing (service-support)
            for (String prefix : List.of("card.", "partner.events")) {
                for (AclOperation operation :
                        List.of(AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS)) {
                    allow(acls, service, ResourceType.TOPIC, prefix, PatternType.PREFIXED, operation);
                }
            }
        }
        Principal ingest = services.get("ingest");
        // card.commands: ops' quarantine decisions and owner assignments, which ingest takes (contract §11.1)
        for (String topic : concat(EVENT_TOPICS, List.of("card.rejects", "card.commands"))) {
            allow(acls, ingest, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        }
        allow(acls, ingest, ResourceType.TOPIC, "partner.events", PatternType.PREFIXED, AclOperation.READ);
        // what ingest consumed is deleted from the inbound topics (contract §12: a transport, not a store)
        allow(acls, ingest, ResourceType.TOPIC, "partner.events", PatternType.PREFIXED, AclOperation.DELETE);
        allow(acls, ingest, ResourceType.GROUP, "ingest-partner-events", PatternType.LITERAL, AclOperation.READ);
        transactionalIds(acls, ingest, "ingest-");

        Principal processor = services.get("processor");
        String application = "card-status-processor";
        for (String topic : concat(EVENT_TOPICS, List.of("card.status", "card.commands", "card.quarantine"))) {
            allow(acls, processor, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
        }
        for (String topic :
                List.of("card.status", "card.stalled", "card.quarantine", "card.events.DLT", "card.status.DLT")) {
            allow(acls, processor, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
        }
        // Kafka Streams' own topics (changelog, repartition), its group and its transactional IDs
        allow(acls, processor, ResourceType.TOPIC, application, PatternType.PREFIXED, AclOperation.ALL);
        allow(acls, processor, ResourceType.GROUP, application, PatternType.LITERAL, AclOperation.READ);
        transactionalIds(acls, processor, application);
        allow(acls, processor, ResourceType.GROUP, "status-projection", PatternType.LITERAL, AclOperation.READ);
        allow(acls, processor, ResourceType.GROUP, "status-quarantine", PatternType.LITERAL, AclOperation.READ);

        Principal notifier = services.get("notifier");
        for (String topic : List.of("card.status", "card.stalled")) {
            allow(acls, notifier, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
        }
        allow(acls, notifier, ResourceType.GROUP, "status-notifier", PatternType.PREFIXED, AclOperation.READ);
        return acls;
    }

    private static void transactionalIds(List<AclBinding> acls, Principal principal, String prefix) {
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.DESCRIBE);
    }

    private static void allow(
            List<AclBinding> acls,
            Principal principal,
            ResourceType type,
            String name,
            PatternType pattern,
            AclOperation operation) {
        acls.add(new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal.name(), "*", operation, AclPermissionType.ALLOW)));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Principal principal(Map<String, String> kept, String prefix, String name, String username) {
        String key = prefix + name.toUpperCase(Locale.ROOT);
        kept.putIfAbsent(key + "_USERNAME", username);
        kept.putIfAbsent(key + "_PASSWORD", password());
        return new Principal(kept.get(key + "_USERNAME"), kept.get(key + "_PASSWORD"));
    }

    private static String password() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("no Kafka principal for " + what);
        }
        return value;
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(
                            line.substring(0, equals).strip(),
                            line.substring(equals + 1).strip());
                }
            }
        }
        return values;
    }

    /** Writes {@code values} to {@code file}, readable and writable by this user only. */
    private static void write(Path file, String title, Map<String, String> values) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# " + title + "; keep it private");
        values.forEach((key, value) -> lines.add(key + "=" + value));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(partial, lines, StandardCharsets.UTF_8);
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
