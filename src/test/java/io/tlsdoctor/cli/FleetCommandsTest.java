package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.fleet.FleetServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collect} on each server, then {@code compare} on the helpdesk desktop, as an admin runs them. */
class FleetCommandsTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path dir;

    private Path export(FleetServers.Spec spec) throws Exception {
        return FleetServers.writeRegFolder(dir.resolve("exports"), spec).resolve("tls.reg");
    }

    @Test
    void collectWritesOneSnapshotNamedAfterTheServerAndTheTime() throws Exception {
        Path share = dir.resolve("share");
        Path reg = export(FleetServers.healthy("EX03").clientOff());

        CliRunner first = CliRunner.run(
                "", "collect", "--server", "EX03", "--reg-file", reg.toString(), "--out-dir", share.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<Path> files;
        try (var list = Files.list(share)) {
            files = list.toList();
        }
        assertThat(files)
                .singleElement()
                .satisfies(file ->
                        assertThat(file.getFileName().toString()).matches("EX03_\\d{8}-\\d{6}Z\\.tlsdoctor\\.json"));
        assertThat(first.out())
                .contains("Snapshot of EX03 written to " + files.get(0).toAbsolutePath());
        ServerSnapshot snapshot = ServerSnapshot.read(files.get(0));
        assertThat(snapshot.server()).isEqualTo("EX03");
        assertThat(snapshot.registry().sources()).containsExactly(reg.toString());
        assertThat(snapshot.fileName())
                .as("the name is the server's and the time it was read")
                .isEqualTo(files.get(0).getFileName().toString());
        // (never over an existing file without --force:
        // FleetInputsTest.anExistingSnapshotIsNeverOverwrittenWithoutForce)
    }

    @Test
    void collectIntoAFolderThatIsAFileSaysSoInsteadOfOfferingForce() throws Exception {
        Path reg = export(FleetServers.healthy("EX03"));
        Path notAFolder = Files.writeString(dir.resolve("share"), "a file where the share folder belongs");
        for (String lang : List.of("en", "sv")) {
            CliRunner run = CliRunner.run(
                    "",
                    "collect",
                    "--server",
                    "EX03",
                    "--reg-file",
                    reg.toString(),
                    "--out-dir",
                    notAFolder.toString(),
                    "--force",
                    "--lang=" + lang);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err())
                    .contains(
                            lang.equals("en")
                                    ? notAFolder + " is a file, not a folder. Move or rename that file"
                                    : notAFolder + " är en fil, inte en mapp")
                    .doesNotContain("exists already")
                    .doesNotContain("finns redan")
                    .doesNotContain("Exception");
        }
        assertThat(Files.readString(notAFolder)).isEqualTo("a file where the share folder belongs");
    }

    @Test
    void collectOffWindowsWithoutExportsSaysWhatToDo() {
        CliRunner run = CliRunner.run("", "collect", "--out-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("Run 'tlsdoctor collect' on the Exchange server itself")
                .doesNotContain("Exception");
    }

    @Test
    void compareNamesTheOutlierInTextAndJsonAndReportsTheBadFile() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        for (String name : List.of("EX01", "EX02", "EX04")) {
            FleetServers.writeSnapshot(share, FleetServers.healthy(name), AT);
        }
        FleetServers.writeSnapshot(share, FleetServers.healthy("EX03").clientOff(), AT);
        Files.writeString(share.resolve("EX05_20261203-100000Z.tlsdoctor.json"), "{ half a file");

        CliRunner text = CliRunner.run("", "compare", share.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains(
                        "EX03 is the only server whose SChannel Client has TLS 1.2 off: it is the one that sends the 421 NDRs")
                .contains("Files not compared")
                .contains("EX05_20261203-100000Z.tlsdoctor.json is not a snapshot TLS Doctor can compare: it is not"
                        + " valid JSON at line 1, column 3. Run 'tlsdoctor collect' on that server again");

        CliRunner json = CliRunner.run("", "compare", "--json", share.toString());
        JsonNode root = Json.mapper().readTree(json.out());
        assertThat(root.path("schema").asText()).isEqualTo("tlsdoctor.fleet-summary/1");
        assertThat(root.path("servers").asInt()).isEqualTo(4);
        assertThat(root.path("brokenServers").asInt()).isEqualTo(1);
        assertThat(root.path("fixes")).hasSize(1);
        assertThat(root.path("fixes").get(0).path("server").asText()).isEqualTo("EX03");
        assertThat(root.path("problems")).hasSize(1);
    }

    @Test
    void theBottomLineCountsServersAsAPersonWould() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        FleetServers.writeSnapshot(one, FleetServers.healthy("EX01").clientOff(), AT);
        assertThat(CliRunner.run("", "compare", "--lang=en", one.toString()).out())
                .contains("The server cannot use TLS 1.2 in at least one direction")
                .doesNotContain("1 of 1 servers")
                .doesNotContain("the others");
        assertThat(CliRunner.run("", "compare", "--lang=sv", one.toString()).out())
                .contains("Servern kan inte använda TLS 1.2 i minst en riktning")
                .doesNotContain("1 av 1 servrar");

        Path healthy = Files.createDirectories(dir.resolve("healthy"));
        FleetServers.writeSnapshot(healthy, FleetServers.healthy("EX01"), AT);
        assertThat(CliRunner.run("", "compare", "--lang=en", healthy.toString()).out())
                .contains("The server can send to and receive from Exchange Online with TLS 1.2")
                .doesNotContain("All 1 servers");

        Path three = Files.createDirectories(dir.resolve("three"));
        FleetServers.writeSnapshot(three, FleetServers.healthy("EX01"), AT);
        FleetServers.writeSnapshot(three, FleetServers.healthy("EX02"), AT);
        FleetServers.writeSnapshot(three, FleetServers.healthy("EX03").clientOff(), AT);
        assertThat(CliRunner.run("", "compare", "--lang=en", three.toString()).out())
                .contains(
                        "1 of 3 servers cannot use TLS 1.2 in at least one direction. Mail that passes through it fails; "
                                + "mail through the others works");
        assertThat(CliRunner.run("", "compare", "--lang=sv", three.toString()).out())
                .contains(
                        "1 av 3 servrar kan inte använda TLS 1.2 i minst en riktning. E-post som går genom den misslyckas;");

        Path allBroken = Files.createDirectories(dir.resolve("all"));
        FleetServers.writeSnapshot(allBroken, FleetServers.healthy("EX01").clientOff(), AT);
        FleetServers.writeSnapshot(allBroken, FleetServers.healthy("EX02").serverOff(), AT);
        assertThat(CliRunner.run("", "compare", "--lang=en", allBroken.toString())
                        .out())
                .contains("None of the 2 servers can use TLS 1.2 in both directions")
                .doesNotContain("the others");
    }

    @Test
    void compareOfNothingReadableSaysSoWithExitOne() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("notes.json"), "[]");

        CliRunner run = CliRunner.run("", "compare", share.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(run.err()).contains("No server could be compared");
        assertThat(CliRunner.run("", "compare", dir.resolve("nowhere").toString())
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void redactionReplacesEveryServerNameConsistentlyInEveryFormat() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        List<String> names = List.of("EXCH-NORTH01", "EXCH-NORTH02", "EXCH-SOUTH03", "ex04.contoso.lab");
        for (String name : names) {
            FleetServers.Spec spec = FleetServers.healthy(name);
            FleetServers.writeSnapshot(share, name.equals("EXCH-SOUTH03") ? spec.clientOff() : spec, AT);
        }
        FleetServers.writeRegFolder(share, FleetServers.healthy("EXCH-WEST05").serverOff());
        Path html = dir.resolve("fleet.html");
        Path md = dir.resolve("fleet.md");
        Path json = dir.resolve("fleet.json");

        CliRunner run = CliRunner.run(
                "",
                "compare",
                "--redact",
                "--out",
                html.toString(),
                "--out",
                md.toString(),
                "--out",
                json.toString(),
                share.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> outputs = List.of(
                run.out(),
                Files.readString(html, StandardCharsets.UTF_8),
                Files.readString(md, StandardCharsets.UTF_8),
                Files.readString(json, StandardCharsets.UTF_8));
        for (String output : outputs) {
            for (String name :
                    List.of("EXCH-NORTH01", "EXCH-NORTH02", "EXCH-SOUTH03", "ex04", "contoso", "EXCH-WEST05")) {
                assertThat(output.toLowerCase(java.util.Locale.ROOT))
                        .as(name)
                        .doesNotContain(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        // the outlier sentence and the fix plan name the same placeholder as the table's row
        Matcher sentence = Pattern.compile("(host-\\d+) is the only server whose SChannel Client has TLS 1.2 off")
                .matcher(run.out());
        assertThat(sentence.find()).as(run.out()).isTrue();
        String placeholder = sentence.group(1);
        assertThat(run.out()).containsPattern("(?m)^\\s+" + placeholder + "\\s+NO TLS 1.2");
        assertThat(run.out()).contains("[CHANGE] " + placeholder);
        JsonNode root = Json.mapper().readTree(Files.readString(json));
        assertThat(root.path("redacted").asBoolean()).isTrue();
        assertThat(root.path("fixes").findValuesAsText("server")).contains(placeholder);
        assertThat(root.path("rows").findValuesAsText("server"))
                .hasSize(5)
                .doesNotHaveDuplicates()
                .allMatch(s -> s.matches("host-\\d+(\\.domain-\\d+)?"));
    }
}
