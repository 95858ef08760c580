package io.tlsdoctor.testpeers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Server certificates generated for the tests with the JDK's keytool: valid for localhost/127.0.0.1, expired, and
 * issued for a name the probe never connects to. All are self-signed, as a lab Exchange server's often is.
 */
public final class TestCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();

    private static Path directory;

    private TestCertificates() {}

    static synchronized Path keystore(String name) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("tlsdoctor-certs");
                directory.toFile().deleteOnExit();
            }
            Path file = directory.resolve(name + ".p12");
            if (!Files.exists(file)) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        file.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        new String(PASSWORD),
                        "-alias",
                        "server",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-sigalg",
                        "SHA256withRSA"));
                switch (name) {
                    case "good" ->
                        command.addAll(List.of(
                                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30"));
                    case "expired" ->
                        command.addAll(List.of(
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=dns:localhost,ip:127.0.0.1",
                                "-startdate",
                                "-30d",
                                "-validity",
                                "2"));
                    case "wrongname" ->
                        command.addAll(List.of(
                                "-dname",
                                "CN=mail.wrong.example",
                                "-ext",
                                "SAN=dns:mail.wrong.example",
                                "-validity",
                                "30"));
                    default -> throw new IllegalArgumentException(name);
                }
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static SSLContext serverContext(String name) {
        try {
            KeyStore store = load(keystore(name));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding just this certificate, to show the probe reports a trusted chain as trusted. */
    public static X509TrustManager trusting(String name) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(load(keystore(name)));
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
