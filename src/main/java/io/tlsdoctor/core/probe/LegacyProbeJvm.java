package io.tlsdoctor.core.probe;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start of the command that runs {@link LegacyProbeMain} in a child JVM, for wherever this TLS Doctor was loaded
 * from: the packaged app's runtime image (the module {@code io.tlsdoctor} in {@code lib/modules}, code source
 * {@code jrt:/io.tlsdoctor}, not a file), a module path, the jar, or the class path of a development run and the
 * tests. The child is the same runtime's {@code java}: jpackage keeps {@code bin/java} in a runtime it is given.
 */
record LegacyProbeJvm(List<String> command) {

    static final String MAIN = LegacyProbeMain.class.getName();

    LegacyProbeJvm {
        command = List.copyOf(command);
    }

    /** For the JVM this runs in. */
    static LegacyProbeJvm current() throws IOException {
        Module module = LegacyProbeMain.class.getModule();
        URI codeSource;
        try {
            java.security.CodeSource source =
                    LegacyProbeMain.class.getProtectionDomain().getCodeSource();
            codeSource = source == null || source.getLocation() == null
                    ? null
                    : source.getLocation().toURI();
        } catch (URISyntaxException e) {
            codeSource = null;
        }
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return of(
                Path.of(System.getProperty("java.home")),
                module.isNamed() ? module.getName() : null,
                System.getProperty("jdk.module.path"),
                codeSource,
                windows);
    }

    /**
     * A named module is started by name ({@code --module io.tlsdoctor/…}), with the module path this JVM was given
     * if any (none in the runtime image, where the module is part of the runtime); anything else from the class
     * path entry that holds the classes (a folder or the jar).
     */
    static LegacyProbeJvm of(Path javaHome, String moduleName, String modulePath, URI codeSource, boolean windows)
            throws IOException {
        Path java = javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new IOException(java + " not found");
        }
        // a short-lived helper: start fast, stay small
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx64m"));
        if (moduleName != null) {
            if (modulePath != null && !modulePath.isBlank()) {
                command.add("--module-path");
                command.add(modulePath);
            }
            command.add("--module");
            command.add(moduleName + "/" + MAIN);
        } else {
            command.add("-cp");
            command.add(classPathEntry(codeSource));
            command.add(MAIN);
        }
        return new LegacyProbeJvm(command);
    }

    private static String classPathEntry(URI codeSource) throws IOException {
        if (codeSource == null || !"file".equalsIgnoreCase(codeSource.getScheme())) {
            throw new IOException("cannot locate TLS Doctor classes (" + codeSource + ")");
        }
        return new File(codeSource).getPath();
    }
}
