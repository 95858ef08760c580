package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's fast path (rows of known sessions whose text was seen before) must give exactly what the general
 * path gives. Hand-written test logs are too small to reach it, so this reads generated logs both ways, with bad,
 * quoted and multi-line rows mixed in, and compares every session and count.
 */
class FastPathEquivalenceTest {

    static final ProtocolLogLineClassifier CLASSIFIER = new ProtocolLogLineClassifier(SymptomCatalog.load());

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-20T10:02:00Z"})
    void theFastPathReadsEverySessionAsTheGeneralPathDoes(String since, @TempDir Path dir) throws Exception {
        List<Path> files = new ProtocolLogGenerator(GeneratorRoundTripTest.plan(11, 256 * 1024)).write(dir);
        Path first = files.get(0);
        List<String> lines = new ArrayList<>(
                List.of(new String(Files.readAllBytes(first), StandardCharsets.UTF_8).split("\r\n", -1)));
        int middle = lines.size() / 2;
        while (!lines.get(middle).contains(",<,")) {
            middle++;
        }
        String row = lines.get(middle);
        String prefix = row.substring(0, row.indexOf(",<,"));
        // X-ANONYMOUSTLS (Exchange to Exchange) from a client that never says STARTTLS: a text the reader sees once
        String client = first.getFileName().toString().startsWith("SEND") ? ",>," : ",<,";
        int plainRow = plainSessionRow(lines, client);
        String plainSession = lines.get(plainRow).split(",", 4)[2];
        String plainPrefix =
                String.join(",", List.of(lines.get(plainRow).split(",", 7)).subList(0, 6));
        lines.add(plainRow + 1, plainPrefix + client + "X-ANONYMOUSTLS,");
        middle = plainRow < middle ? middle + 1 : middle;
        lines.add(middle, "this line was pasted in by someone");
        lines.add(middle, prefix + ",<,\"550 first line\r\nsecond, with a comma\r\nthird \"\"quoted\"\"\",");
        lines.add(middle, row.replace("Outbound to Office 365", "\"Outbound, quoted\""));
        Files.write(first, String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
        long sinceMillis =
                since.isEmpty() ? Long.MIN_VALUE : Instant.parse(since).toEpochMilli();

        int sessions = 0;
        for (Path file : files) {
            LogSource source = new LogSource.OnDisk(file, Files.size(file));
            List<Session> fast = new ArrayList<>();
            List<Session> general = new ArrayList<>();
            FileScan fastScan =
                    new ProtocolLogReader(CLASSIFIER, sinceMillis, () -> false, n -> {}).read(source, fast::add);
            FileScan generalScan = new ProtocolLogReader(CLASSIFIER, sinceMillis, () -> false, n -> {})
                    .withoutFastPath()
                    .read(source, general::add);
            Comparator<Session> order = Comparator.comparing(Session::sessionId).thenComparing(Session::start);
            fast.sort(order);
            general.sort(order);
            assertThat(fast).as(file.getFileName().toString()).isEqualTo(general);
            if (file.equals(first) && since.isEmpty()) {
                assertThat(general)
                        .filteredOn(session -> session.sessionId().equals(plainSession))
                        .extracting(Session::starttlsUsed)
                        .as("the X-ANONYMOUSTLS row counts")
                        .containsOnly(true);
            }
            assertThat(fastScan).isEqualTo(generalScan);
            sessions += fast.size();
        }
        int planned = GeneratorRoundTripTest.plan(11, 256 * 1024).sessions();
        if (since.isEmpty()) {
            assertThat(sessions)
                    .as("the added rows join sessions that are there")
                    .isEqualTo(planned);
        } else {
            assertThat(sessions).as("--since leaves some out, not all").isBetween(1, planned - 1);
        }
        FileScan edited = new ProtocolLogReader(CLASSIFIER, sinceMillis, () -> false, n -> {})
                .read(new LogSource.OnDisk(first, Files.size(first)), s -> {});
        assertThat(edited.badLines()).as("only the pasted line").isEqualTo(1);
    }

    /**
     * A busy server's logs: 300 sessions open at once, connector names quoted because they hold commas and
     * non-ASCII letters, EHLO names and certificates that differ per partner, hundreds of remotes.
     */
    @Test
    void busyServerLogsWithQuotedConnectorsReadTheSameBothWays(@TempDir Path dir) throws Exception {
        ProtocolLogGenerator.Plan classic = GeneratorRoundTripTest.plan(5, 512 * 1024);
        ProtocolLogGenerator.Variety busy = new ProtocolLogGenerator.Variety(
                "EX02",
                "10.0.0.6",
                List.of("Outbound to Office 365", "Исходящий соединитель, EXO", "Utgående anslutning, EXO"),
                List.of("EX02\\Default Frontend EX02", "EX02\\Internet, inbound (anonymous)"),
                700,
                true);
        ProtocolLogGenerator.Plan plan = new ProtocolLogGenerator.Plan(
                classic.send(), classic.receive(), 300, 0.2, 512 * 1024, 5, classic.start(), busy);
        int sessions = 0;
        int quoted = 0;
        for (Path file : new ProtocolLogGenerator(plan).write(dir)) {
            LogSource source = new LogSource.OnDisk(file, Files.size(file));
            List<Session> fast = new ArrayList<>();
            List<Session> general = new ArrayList<>();
            FileScan fastScan =
                    new ProtocolLogReader(CLASSIFIER, Long.MIN_VALUE, () -> false, n -> {}).read(source, fast::add);
            FileScan generalScan = new ProtocolLogReader(CLASSIFIER, Long.MIN_VALUE, () -> false, n -> {})
                    .withoutFastPath()
                    .read(source, general::add);
            Comparator<Session> order = Comparator.comparing(Session::sessionId).thenComparing(Session::start);
            fast.sort(order);
            general.sort(order);
            assertThat(fast).as(file.getFileName().toString()).isEqualTo(general);
            assertThat(fastScan).isEqualTo(generalScan);
            sessions += fast.size();
            quoted +=
                    (int) fast.stream().filter(s -> s.connector().contains(",")).count();
        }
        assertThat(sessions).isEqualTo(plan.sessions());
        assertThat(quoted)
                .as("sessions through connectors whose names hold a comma")
                .isGreaterThan(sessions / 4);
    }

    /**
     * A row (not near the end, where the reader takes the last rows the general way) of a session whose client
     * never says STARTTLS in the whole file.
     */
    private static int plainSessionRow(List<String> lines, String client) {
        for (int i = 0; i < lines.size() - 200; i++) {
            String[] columns = lines.get(i).split(",", 7);
            if (columns.length < 7 || lines.get(i).startsWith("#") || columns[4].isEmpty()) {
                continue;
            }
            String id = "," + columns[2] + ",";
            if (lines.stream().noneMatch(line -> line.contains(id) && line.contains(client + "STARTTLS"))) {
                return i;
            }
        }
        throw new AssertionError("the generated log has no session whose client does not say STARTTLS");
    }
}
