package com.zywa.cardstatus.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** The PostgreSQL server binaries published on Maven Central for this platform, unpacked once into a folder. */
final class PostgresBinaries {

    private static final String[] ARCHIVES = {
        "postgres-linux-x86_64.txz",
        "postgres-linux-arm_64.txz",
        "postgres-darwin-x86_64.txz",
        "postgres-darwin-arm_64.txz"
    };

    private PostgresBinaries() {}

    /** Unpacks the binaries into {@code target} unless they are there already, and returns their {@code bin}. */
    static Path unpack(Path target) throws IOException {
        Path bin = target.resolve("bin");
        if (Files.exists(bin.resolve("pg_ctl"))) {
            return bin;
        }
        Files.createDirectories(target);
        try (InputStream archive = archive();
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        return bin;
    }

    private static InputStream archive() throws IOException {
        for (String name : ARCHIVES) {
            InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(name);
            if (in != null) {
                return in;
            }
        }
        throw new IOException(
                "no PostgreSQL binaries for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " on the class path; set SPRING_DATASOURCE_URL to use your own server");
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }
}
