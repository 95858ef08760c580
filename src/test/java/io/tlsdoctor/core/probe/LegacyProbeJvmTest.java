package io.tlsdoctor.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsdoctor.testpeers.LegacyPeerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS 1.0/1.1 child JVM starts from every form TLS Doctor ships or runs in: the packaged runtime image (here a
 * small jlink'd image holding TLS Doctor's engine as the module io.tlsdoctor, code source jrt:/io.tlsdoctor, as in
 * the app-image), a module path, the jar, and (everywhere else in the suite) the class path. Each run probes a real
 * TLS 1.0-only peer, so a child that did not start shows as ERROR instead of ACCEPTED.
 */
class LegacyProbeJvmTest {

    private static final String MODULE = "io.tlsdoctor";
    private static final String RUNNER = LegacyProbeRunnerMain.class.getName();
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    @TempDir
    static Path work;

    private static Path moduleJar;
    private static Path plainJar;

    @BeforeAll
    static void packageTheEngine() throws Exception {
        Path classes = location(LegacyProbeMain.class);
        Path testClasses = location(LegacyProbeRunnerMain.class);
        String runnerClass = RUNNER.replace('.', '/') + ".class";
        // the engine (io.tlsdoctor.core: no JavaFX, no JNA) and the runner, once as a plain jar, once as a module
        plainJar = work.resolve("plain/tls-doctor.jar");
        Files.createDirectories(plainJar.getParent());
        tool(
                "jar",
                "--create",
                "--file",
                plainJar.toString(),
                "-C",
                classes.toString(),
                "io/tlsdoctor/core",
                "-C",
                testClasses.toString(),
                runnerClass);
        Path info = Files.createDirectories(work.resolve("module-info"));
        Files.writeString(info.resolve("module-info.java"), "open module " + MODULE + " { requires java.naming; }\n");
        tool("javac", "-d", info.toString(), info.resolve("module-info.java").toString());
        moduleJar = work.resolve("mods/tls-doctor.jar");
        Files.createDirectories(moduleJar.getParent());
        tool(
                "jar",
                "--create",
                "--file",
                moduleJar.toString(),
                "-C",
                info.toString(),
                "module-info.class",
                "-C",
                classes.toString(),
                "io/tlsdoctor/core",
                "-C",
                testClasses.toString(),
                runnerClass);
    }

    @Test
    void fromTheRuntimeImageTheChildStartsByModuleNameAndTestsTls10() throws Exception {
        Path image = work.resolve("image");
        if (!Files.exists(image)) {
            tool(
                    "jlink",
                    "--module-path",
                    moduleJar.getParent().toString(),
                    "--add-modules",
                    MODULE,
                    "--output",
                    image.toString());
        }
        List<String> output = run(List.of(java(image), "--module", MODULE + "/" + RUNNER, ""));

        assertThat(output).contains("codeSource jrt:/" + MODULE);
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("TLSv1 ACCEPTED"));
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("TLSv1.1 REFUSED"));
    }

    @Test
    void fromAModulePathTheChildStartsByModuleNameAndTestsTls10() throws Exception {
        List<String> output = run(List.of(
                java(Path.of(System.getProperty("java.home"))),
                "--module-path",
                moduleJar.getParent().toString(),
                "--module",
                MODULE + "/" + RUNNER,
                ""));

        assertThat(output)
                .anySatisfy(
                        line -> assertThat(line).startsWith("codeSource file:").endsWith(slashed(moduleJar)));
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("TLSv1 ACCEPTED"));
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("TLSv1.1 REFUSED"));
    }

    @Test
    void fromTheJarTheChildStartsFromTheJarAndTestsTls10() throws Exception {
        List<String> output =
                run(List.of(java(Path.of(System.getProperty("java.home"))), "-cp", plainJar.toString(), RUNNER, ""));

        assertThat(output)
                .anySatisfy(
                        line -> assertThat(line).startsWith("codeSource file:").endsWith(slashed(plainJar)));
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("TLSv1 ACCEPTED"));
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("TLSv1.1 REFUSED"));
    }

    @Test
    void theCommandNamesTheModuleInAnImageAndTheClassPathEntryOtherwise() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        String java =
                javaHome.resolve("bin").resolve(WINDOWS ? "java.exe" : "java").toString();

        List<String> image = LegacyProbeJvm.of(javaHome, MODULE, null, URI.create("jrt:/io.tlsdoctor"), WINDOWS)
                .command();
        assertThat(image)
                .startsWith(java)
                .endsWith("--module", MODULE + "/" + LegacyProbeJvm.MAIN)
                .doesNotContain("-cp", "--module-path");

        List<String> modulePath = LegacyProbeJvm.of(javaHome, MODULE, "/opt/tlsdoctor/mods", moduleJar.toUri(), WINDOWS)
                .command();
        assertThat(modulePath)
                .endsWith("--module-path", "/opt/tlsdoctor/mods", "--module", MODULE + "/" + LegacyProbeJvm.MAIN);

        List<String> jar = LegacyProbeJvm.of(javaHome, null, null, plainJar.toUri(), WINDOWS)
                .command();
        assertThat(jar).endsWith("-cp", plainJar.toString(), LegacyProbeJvm.MAIN);
    }

    @Test
    void classesThatAreNeitherAModuleNorAFileAreAClearErrorNotACrash() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assertThatThrownBy(() -> LegacyProbeJvm.of(javaHome, null, null, URI.create("jrt:/io.tlsdoctor"), WINDOWS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot locate TLS Doctor classes");
        assertThatThrownBy(() -> LegacyProbeJvm.of(work.resolve("no-such-runtime"), MODULE, null, null, WINDOWS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not found");
    }

    /** Runs the runner against a fresh TLS 1.0-only peer (the last argument is replaced by its port). */
    private static List<String> run(List<String> command) throws Exception {
        try (LegacyPeerProcess peer = new LegacyPeerProcess()) {
            List<String> withPort = new ArrayList<>(command.subList(0, command.size() - 1));
            withPort.add(String.valueOf(peer.port()));
            Process process =
                    new ProcessBuilder(withPort).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("runner finished")
                    .isTrue();
            assertThat(process.exitValue())
                    .as("runner exit code; output:%n%s", output)
                    .isZero();
            return output.lines().map(String::strip).toList();
        }
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String java(Path javaHome) {
        return javaHome.resolve("bin").resolve(WINDOWS ? "java.exe" : "java").toString();
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void tool(String name, String... args) {
        ToolProvider tool =
                ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(name + " is not in this JDK"));
        StringWriter out = new StringWriter();
        int code = tool.run(new PrintWriter(out), new PrintWriter(out), args);
        assertThat(code).as("%s %s:%n%s", name, String.join(" ", args), out).isZero();
    }
}
