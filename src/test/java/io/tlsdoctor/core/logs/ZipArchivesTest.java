package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Plan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives as admins make them: flattened with {@code zip -j}, and the huge or hostile ones (issue 21, items 7 and 8). */
class ZipArchivesTest {

    /**
     * {@code zip -j} of Hub\ProtocolLog\SmtpReceive and FrontEnd\ProtocolLog\SmtpReceive: both hold RECV2026112008-1.LOG,
     * so the archive has two entries of that name. Each is a log of its own and both are read.
     */
    @Test
    void twoEntriesWithTheSameNameAreTwoLogsAndBothAreRead(@TempDir Path dir) throws Exception {
        Path hub = dir.resolve("Hub");
        Path frontEnd = dir.resolve("FrontEnd");
        Path hubLog = only(new ProtocolLogGenerator(plan(1, 40, 3)).write(hub));
        Path frontEndLog = only(new ProtocolLogGenerator(plan(2, 25, 0)).write(frontEnd));
        assertThat(hubLog.getFileName()).isEqualTo(frontEndLog.getFileName());
        String name = hubLog.getFileName().toString();
        Path zip = zipWithRepeatedName(dir.resolve("junk.zip"), name, List.of(hubLog, frontEndLog));

        LogAnalysis fromZip = GeneratorRoundTripTest.ANALYZER.analyze(
                List.of(zip), LogAnalyzer.Options.defaults(), new LogProgress());
        LogAnalysis fromFolders = GeneratorRoundTripTest.ANALYZER.analyze(
                List.of(hub, frontEnd), LogAnalyzer.Options.defaults(), new LogProgress());

        assertThat(fromZip.files()).isEqualTo(2);
        assertThat(fromZip.sessions())
                .as("43 sessions in the Hub log and 25 in the FrontEnd one")
                .isEqualTo(68)
                .isEqualTo(fromFolders.sessions());
        assertThat(fromZip.symptoms()).isEqualTo(fromFolders.symptoms());
        assertThat(fromZip.remotes()).isEqualTo(fromFolders.remotes());
        assertThat(fromZip.examples()).singleElement().satisfies(example -> {
            assertThat(example.session().source().displayName()).endsWith("junk.zip!/" + name + " (entry 1)");
            assertThat(example.transcript()).last().asString().endsWith(",-,,Remote(SocketError)");
        });
    }

    /** An archive of 100,000 small logs is read in time proportional to it (577 s before: the directory per entry). */
    @Test
    void aHundredThousandEntriesAreReadInLinearTime(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("many.zip");
        int entries = ZipDirectory.MAX_ENTRIES;
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            out.setLevel(1);
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(
                        new ZipEntry("SmtpReceive/RECV20261120" + String.format("%02d", i % 24) + "-" + i + ".LOG"));
                out.write(tinyLog(i));
                out.closeEntry();
            }
        }
        long started = System.nanoTime();
        LogAnalysis analysis = GeneratorRoundTripTest.ANALYZER.analyze(
                List.of(zip), LogAnalyzer.Options.defaults(), new LogProgress());
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(analysis.files()).isEqualTo(entries);
        assertThat(analysis.sessions()).isEqualTo(entries);
        assertThat(analysis.remotes()).hasSize(entries);
        // Generous for a shared, loaded machine: linear reading takes seconds, the directory per entry took minutes.
        assertThat(seconds).as("seconds to read %d entries", entries).isLessThan(120);
    }

    @Test
    void anArchiveWithMoreEntriesThanTheLimitIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            for (int i = 0; i <= ZipDirectory.MAX_ENTRIES; i++) {
                out.putNextEntry(new ZipEntry("RECV20261120-" + i + ".LOG"));
                out.closeEntry();
            }
        }
        LogInputs.Collected collected = LogInputs.collect(List.of(zip));
        assertThat(collected.sources()).isEmpty();
        assertThat(collected.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.path()).isEqualTo(zip.toString());
            assertThat(skipped.reason()).isEqualTo(SkipReason.TOO_MANY_ENTRIES);
            assertThat(skipped.detail()).isEqualTo((ZipDirectory.MAX_ENTRIES + 1) + " > " + ZipDirectory.MAX_ENTRIES);
        });
    }

    private static Plan plan(long seed, int tls12, int failures) {
        Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
        receive.put(Outcome.TLS1_2, tls12);
        if (failures > 0) {
            receive.put(Outcome.TLS_SOCKET_ERROR, failures);
        }
        return new Plan(Map.of(), receive, 4, 0.2, 1 << 20, seed, Instant.parse("2026-11-20T08:00:00Z"));
    }

    private static Path only(List<Path> files) {
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    /**
     * What {@code zip -j} makes; ZipOutputStream refuses a repeated name, so the entries are written as NAME, NAMF,
     * NAMG... (same length) and the names then set back in the local headers and the central directory.
     */
    private static Path zipWithRepeatedName(Path zip, String name, List<Path> files) throws IOException {
        String stem = name.substring(0, name.length() - 1);
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            for (int i = 0; i < files.size(); i++) {
                out.putNextEntry(new ZipEntry(stem + (char) ('G' + i)));
                Files.copy(files.get(i), out);
                out.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(zip);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int i = 1; i < files.size(); i++) {
            String written = stem + (char) ('G' + i);
            assertThat(latin.split(java.util.regex.Pattern.quote(written), -1))
                    .as("local header and directory")
                    .hasSize(3);
            latin = latin.replace(written, name);
        }
        Files.write(zip, latin.getBytes(StandardCharsets.ISO_8859_1));
        return zip;
    }

    /** One receive session from its own address. */
    private static byte[] tinyLog(int i) {
        String remote = "203." + (i >>> 16) + "." + ((i >>> 8) & 255) + "." + (i & 255) + ":50000";
        String head = "2026-11-20T08:00:00.000Z,EX01\\Default Frontend EX01,"
                + String.format("%016X", 0x08DAF3B1C2D40000L + i) + ",";
        return LogText.receive(
                        head + "0,10.0.0.5:25," + remote + ",+,,",
                        head + "1,10.0.0.5:25," + remote + ",<,EHLO mail.example.com,",
                        head + "2,10.0.0.5:25," + remote + ",-,,Local")
                .getBytes(StandardCharsets.UTF_8);
    }
}
