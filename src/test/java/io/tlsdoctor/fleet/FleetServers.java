package io.tlsdoctor.fleet;

import io.tlsdoctor.core.fleet.HandshakeRecord;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Servers for fleet tests, written as {@code reg export} writes them (UTF-16LE with BOM, CRLF) and read back by the
 * real .reg reader, so every snapshot a test compares is one the product could have read on a server.
 */
public final class FleetServers {

    private static final String HKLM = "HKEY_LOCAL_MACHINE";
    private static final String SCHANNEL = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    private static final String PROTOCOLS = SCHANNEL + "\\Protocols";

    /** A healthy Exchange 2019 CU14 server on Windows Server 2019, TLS 1.0/1.1 off, .NET set. */
    public static Spec healthy(String name) {
        return new Spec(name, true, true, false, true, "17763", 15, 2, 1544, 4);
    }

    /** One server's settings. */
    public record Spec(
            String name,
            boolean tls12Client,
            boolean tls12Server,
            boolean legacyOn,
            boolean dotNet,
            String osBuild,
            int exMajor,
            int exMinor,
            int exBuild,
            int exRevision) {

        public Spec clientOff() {
            return new Spec(name, false, tls12Server, legacyOn, dotNet, osBuild, exMajor, exMinor, exBuild, exRevision);
        }

        public Spec serverOff() {
            return new Spec(name, tls12Client, false, legacyOn, dotNet, osBuild, exMajor, exMinor, exBuild, exRevision);
        }

        public Spec legacy() {
            return new Spec(
                    name, tls12Client, tls12Server, true, dotNet, osBuild, exMajor, exMinor, exBuild, exRevision);
        }

        public Spec noDotNet() {
            return new Spec(
                    name, tls12Client, tls12Server, legacyOn, false, osBuild, exMajor, exMinor, exBuild, exRevision);
        }

        public Spec exchangeBuild(int build, int revision) {
            return new Spec(
                    name, tls12Client, tls12Server, legacyOn, dotNet, osBuild, exMajor, exMinor, build, revision);
        }
    }

    private FleetServers() {}

    /** The export as text. */
    public static String regText(Spec spec) {
        List<String> lines = new ArrayList<>(List.of(
                "Windows Registry Editor Version 5.00", "", "[" + SCHANNEL + "]", "", "[" + PROTOCOLS + "]", ""));
        for (String protocol : List.of("TLS 1.0", "TLS 1.1", "TLS 1.2")) {
            for (String side : List.of("Client", "Server")) {
                boolean on = protocol.equals("TLS 1.2")
                        ? (side.equals("Client") ? spec.tls12Client() : spec.tls12Server())
                        : spec.legacyOn();
                lines.add("[" + PROTOCOLS + "\\" + protocol + "]");
                lines.add("");
                lines.add("[" + PROTOCOLS + "\\" + protocol + "\\" + side + "]");
                lines.add("\"DisabledByDefault\"=dword:0000000" + (on ? 0 : 1));
                lines.add("\"Enabled\"=dword:0000000" + (on ? 1 : 0));
                lines.add("");
            }
        }
        for (String view : List.of("SOFTWARE\\Microsoft", "SOFTWARE\\Wow6432Node\\Microsoft")) {
            for (String version : List.of("v4.0.30319", "v2.0.50727")) {
                lines.add("[" + HKLM + "\\" + view + "\\.NETFramework\\" + version + "]");
                lines.add("\"SystemDefaultTlsVersions\"=dword:0000000" + (spec.dotNet() ? 1 : 0));
                lines.add("\"SchUseStrongCrypto\"=dword:0000000" + (spec.dotNet() ? 1 : 0));
                lines.add("");
            }
        }
        lines.add("[" + HKLM + "\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]");
        lines.add("\"ProductName\"=\"Windows Server 2019 Standard\"");
        lines.add("\"CurrentBuild\"=\"" + spec.osBuild() + "\"");
        lines.add("\"InstallationType\"=\"Server\"");
        lines.add("");
        lines.add("[" + HKLM + "\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup]");
        lines.add("\"MsiProductMajor\"=dword:" + String.format("%08x", spec.exMajor()));
        lines.add("\"MsiProductMinor\"=dword:" + String.format("%08x", spec.exMinor()));
        lines.add("\"MsiBuildMajor\"=dword:" + String.format("%08x", spec.exBuild()));
        lines.add("\"MsiBuildMinor\"=dword:" + String.format("%08x", spec.exRevision()));
        lines.add("");
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Writes {@code folder/<name>/tls.reg}, a server's folder of exports; returns the server's folder. */
    public static Path writeRegFolder(Path folder, Spec spec) throws IOException {
        Path server = Files.createDirectories(folder.resolve(spec.name()));
        Files.write(server.resolve("tls.reg"), utf16(regText(spec)));
        return server;
    }

    /** The snapshot {@code collect} would write for this server, read from its export by the real reader. */
    public static ServerSnapshot snapshot(Spec spec, Instant at, HandshakeRecord... handshakes) throws IOException {
        Path scratch = Files.createTempFile("fleet-" + spec.name().replaceAll("[^A-Za-z0-9]", "_"), ".reg");
        try {
            Files.write(scratch, utf16(regText(spec)));
            RegistrySnapshot registry = new RegFileSource(List.of(scratch)).collect();
            return new ServerSnapshot(
                    ServerSnapshot.SCHEMA, spec.name(), at, "test", registry, List.of(handshakes), null);
        } catch (io.tlsdoctor.core.registry.RegistryReadException e) {
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** Writes the snapshot as {@code collect} names it; returns the file. */
    public static Path writeSnapshot(Path folder, Spec spec, Instant at, HandshakeRecord... handshakes)
            throws Exception {
        return snapshot(spec, at, handshakes).writeInto(folder, false);
    }

    private static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        return all;
    }
}
