package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tlsdoctor.core.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An internet-facing receive connector's logs with 330,000 distinct remote addresses, analysed by the real command
 * line in a JVM of its own with the packaged launcher's options and a 256 MB heap, as a server admin runs it. Before
 * the report was streamed and the counters made compact this ended in OutOfMemoryError (issue 15, issue 21 item 7).
 */
class ManyRemotesSmallHeapTest {

    static final int REMOTES = 330_000;
    static final int FILES = 4;
    /** Every tenth remote negotiated TLS 1.0, every fiftieth failed (after the TLS 1.0 ones are counted). */
    static final int LEGACY_EVERY = 10;

    static final int FAILED_EVERY = 50;

    @TempDir
    static Path dir;

    static Path logs;

    @BeforeAll
    static void writeLogs() throws IOException {
        logs = Files.createDirectories(dir.resolve("FrontEnd/ProtocolLog/SmtpReceive"));
        long clock = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
        int perFile = REMOTES / FILES;
        for (int f = 0; f < FILES; f++) {
            Path file = logs.resolve("RECV20261120" + String.format("%02d", f) + "-1.LOG");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(
                        "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1258.012\r\n"
                                + "#Log-type: SMTP Receive Protocol Log\r\n#Date: 2026-11-20T00:00:00.000Z\r\n"
                                + "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n");
                for (int i = f * perFile; i < (f + 1) * perFile; i++) {
                    String head =
                            ",EX01\\Default Frontend EX01," + String.format("%016X", 0x08DAF3B1C2D40000L + i) + ",";
                    String ends = ",10.0.0.5:25," + address(i) + ":" + (49152 + i % 16000) + ",";
                    out.write(stamp(clock++) + head + "0" + ends + "+,,\r\n");
                    String tls = i % FAILED_EVERY == 1
                            ? "*,,TLS negotiation failed with error SocketError"
                            : "*,,\"TLS protocol SP_PROT_" + (i % LEGACY_EVERY == 0 ? "TLS1_0" : "TLS1_2")
                                    + "_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, "
                                    + "MAC hash algorithm CALG_SHA_384 with strength 384 bits and key exchange algorithm CALG_ECDH_EPHEM "
                                    + "with strength 384 bits\"";
                    out.write(stamp(clock++) + head + "1" + ends + tls + "\r\n");
                    out.write(stamp(clock++) + head + "2" + ends + "-,,Local\r\n");
                }
            }
        }
    }

    static String address(int i) {
        return "198." + (i >>> 16) + "." + ((i >>> 8) & 255) + "." + (i & 255);
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static String stamp(long millis) {
        return STAMP.format(Instant.ofEpochMilli(millis));
    }

    private static String n(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    @Test
    void everyRemoteIsInTheJsonUnder256Megabytes() throws Exception {
        Path out = dir.resolve("logs.json");
        Run run = cli(out, "logs", logs.toString(), "--json");
        assertThat(run.err).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(run.exit).isZero();

        long remotes = 0;
        long sessions = 0;
        long tls10 = 0;
        long failedRemotes = 0;
        long legacy = 0;
        boolean failingFirst = true;
        boolean seenUnfailed = false;
        try (JsonParser p = Json.mapper().getFactory().createParser(out.toFile())) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("sessions")) {
                    assertThat(p.getLongValue()).isEqualTo(REMOTES);
                } else if (field.equals("remotes")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Remote r = Remote.read(p);
                        remotes++;
                        sessions += r.sessions;
                        tls10 += r.tls10;
                        if (r.failed > 0) {
                            failedRemotes++;
                            failingFirst &= !seenUnfailed;
                        } else {
                            seenUnfailed = true;
                        }
                    }
                } else if (field.equals("legacyTlsPartners")) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        legacy++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        assertThat(remotes).as("one entry per distinct remote address").isEqualTo(REMOTES);
        assertThat(sessions).isEqualTo(REMOTES);
        assertThat(tls10).isEqualTo(REMOTES / LEGACY_EVERY);
        assertThat(legacy).isEqualTo(REMOTES / LEGACY_EVERY);
        assertThat(failedRemotes).isEqualTo(REMOTES / FAILED_EVERY);
        assertThat(failingFirst).as("the remotes with failures come first").isTrue();
    }

    @Test
    void theTextShowsTheFailingAndTheBusiestAndSaysHowToGetTheRest() throws Exception {
        Path out = dir.resolve("logs.txt");
        Run run = cli(out, "logs", logs.toString(), "--lang=en");
        assertThat(run.err).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(run.exit).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        int shown = LogsCommand.TEXT_FAILING + LogsCommand.TEXT_BUSIEST;
        assertThat(String.join("\n", lines))
                .contains(n(REMOTES) + " sessions, " + n(REMOTES / FAILED_EVERY) + " of them failed")
                .contains("… and " + n(REMOTES - shown) + " more remote addresses not shown ("
                        + n(REMOTES / FAILED_EVERY - LogsCommand.TEXT_FAILING) + " of them with failures)")
                .contains("--json lists every one")
                .contains("… and " + n(REMOTES / LEGACY_EVERY - LogsCommand.TEXT_LEGACY) + " more");
        assertThat(lines.size()).as("a console page or two, not 330,000 lines").isLessThan(300);
    }

    /**
     * {@code diagnose --logs} builds a summary of the logs (for the screen, and for --out as HTML, Markdown or JSON):
     * it copied and sorted every remote as a record with its maps. The heap here is smaller than the others' (the
     * analysis itself keeps about 100 MB for 330,000 remotes): at 256 MB the copy still fitted, at 160 MB it ran out
     * (exit 3 after minutes of full collections, 3 December 2026). It shows the busiest failing remotes and the legacy
     * partners up to a limit, and says how many more there are.
     */
    @Test
    void diagnoseWithTheseLogsSummarisesThemUnder256Megabytes() throws Exception {
        Path evidence = Files.writeString(
                dir.resolve("queue.txt"),
                "LastError : 421 4.4.2 Connection dropped due to SocketError\r\n",
                StandardCharsets.UTF_8);
        Path reg = io.tlsdoctor.core.diagnosis.Cases.regFile(Files.createDirectories(dir.resolve("reg")), false, true);
        Path out = dir.resolve("diagnose.txt");
        Path json = dir.resolve("diagnose.json");
        Run run = cliWithHeap(
                out,
                DIAGNOSE_HEAP,
                "diagnose",
                "--lang=en",
                "--evidence",
                evidence.toString(),
                "--reg-file",
                reg.toString(),
                "--logs",
                logs.toString(),
                "--offline",
                "--out",
                json.toString());
        assertThat(run.err).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .contains("The protocol logs were read: " + FILES + " files, " + n(REMOTES) + " sessions")
                .contains("The logs show " + n(REMOTES / LEGACY_EVERY) + " partners still negotiating TLS 1.0 or 1.1");

        var summary = Json.mapper().readTree(json.toFile());
        var logsCheck = summary.findValue("logs");
        assertThat(logsCheck).as(summary.toString().substring(0, 2000)).isNotNull();
        assertThat(logsCheck.get("sessions").asLong()).isEqualTo(REMOTES);
        assertThat(logsCheck.get("remotes").size()).isEqualTo(30);
        assertThat(logsCheck.get("remotes").get(0).get("failed").asLong())
                .as("failing remotes first")
                .isEqualTo(1);
        assertThat(logsCheck.get("remotesLeftOut").asLong()).isEqualTo(REMOTES - 30);
        assertThat(logsCheck.get("legacyPartners").size()).isEqualTo(100);
        assertThat(logsCheck.get("legacyPartnersLeftOut").asLong()).isEqualTo(REMOTES / LEGACY_EVERY - 100);
    }

    static final String HEAP = "-Xmx256m";
    static final String DIAGNOSE_HEAP = "-Xmx160m";

    /** The JVM options of the packaged command line (installer/cli-launcher.properties), then a 256 MB heap. */
    static Run cli(Path out, String... args) throws Exception {
        return cliWithHeap(out, HEAP, args);
    }

    static Run cliWithHeap(Path out, String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(Path.of("installer/cli-launcher.properties"))) {
            if (line.startsWith("java-options=")) {
                command.addAll(
                        List.of(line.substring("java-options=".length()).trim().split("\\s+")));
            }
        }
        command.add(heap);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.tlsdoctor.app.Main");
        command.addAll(List.of(args));
        Path err = out.resolveSibling(out.getFileName() + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(err));
    }

    record Run(int exit, String err) {}

    /** The counts of one {@code remotes} entry, read without building a tree. */
    record Remote(long sessions, long tls10, long failed) {
        static Remote read(JsonParser p) throws IOException {
            long sessions = 0;
            long tls10 = 0;
            long failed = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "sessions" -> sessions = p.getLongValue();
                    case "tls" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String protocol = p.currentName();
                            p.nextToken();
                            tls10 += protocol.equals("TLS1_0") ? p.getLongValue() : 0;
                        }
                    }
                    case "failures" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            p.nextToken();
                            failed += p.getLongValue();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new Remote(sessions, tls10, failed);
        }
    }
}
