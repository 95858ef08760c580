package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {

    static Path logs(Path dir) throws Exception {
        Map<Outcome, Integer> send = new EnumMap<>(Outcome.class);
        send.put(Outcome.TLS1_2, 40);
        send.put(Outcome.TLS_SOCKET_ERROR, 3);
        send.put(Outcome.STARTTLS_451, 2);
        Map<Outcome, Integer> receive = new EnumMap<>(Outcome.class);
        receive.put(Outcome.TLS1_2, 20);
        receive.put(Outcome.TLS1_1, 4);
        new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        send, receive, 4, 0.3, 1 << 20, 1, Instant.parse("2026-11-20T10:00:00Z")))
                .write(dir);
        return dir;
    }

    @Test
    void jsonHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        CliRunner result = CliRunner.run("", "logs", logs(dir).toString(), "--json");
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode json = Json.mapper().readTree(result.out());
        List<String> keys = iterable(json.fieldNames());
        assertThat(keys.subList(0, 9))
                .containsExactly(
                        "schema",
                        "files",
                        "skippedFiles",
                        "lines",
                        "badLines",
                        "sessions",
                        "symptoms",
                        "remotes",
                        "examples");
        assertThat(json.get("schema").asText()).isEqualTo("tlsdoctor.logs/1");
        assertThat(json.get("files").asInt()).isEqualTo(2);
        assertThat(json.get("sessions").asInt()).isEqualTo(69);
        assertThat(json.get("badLines").asInt()).isZero();
        assertThat(json.get("symptoms")
                        .get("PROTOCOL_LOG_TLS_NEGOTIATION_FAILED")
                        .asInt())
                .isEqualTo(3);
        assertThat(json.get("symptoms")
                        .get("PROTOCOL_LOG_451_STARTTLS_REQUIRED")
                        .asInt())
                .isEqualTo(2);
        JsonNode remote = json.get("remotes").get(0);
        assertThat(iterable(remote.fieldNames()))
                .containsExactly("remote", "direction", "connector", "sessions", "tls", "failures", "first", "last");
        assertThat(iterable(remote.get("tls").fieldNames()))
                .containsExactly("TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3", "NONE");
        assertThat(remote.get("direction").asText()).isIn("SEND", "RECEIVE");
        assertThat(Instant.parse(remote.get("first").asText()))
                .isBeforeOrEqualTo(Instant.parse(remote.get("last").asText()));
        long receiveTls11 = 0;
        for (JsonNode r : json.get("remotes")) {
            if (r.get("direction").asText().equals("RECEIVE")) {
                receiveTls11 += r.get("tls").get("TLS1_1").asLong();
            }
        }
        assertThat(receiveTls11).isEqualTo(4);
        assertThat(json.get("examples")).hasSize(2);
        JsonNode example = json.get("examples").get(0);
        assertThat(example.get("reason").asText()).isEqualTo("PROTOCOL_LOG_TLS_NEGOTIATION_FAILED");
        assertThat(example.get("transcript")
                        .get(example.get("transcript").size() - 1)
                        .asText())
                .endsWith(",-,,Local");
        assertThat(json.get("legacyTlsPartners")).isNotEmpty();
    }

    @Test
    void textSaysWhatFailedAndWhoIsOnLegacyTlsInSwedishToo(@TempDir Path dir) throws Exception {
        Path logs = logs(dir);
        CliRunner en = CliRunner.run("", "logs", logs.toString(), "--lang=en");
        assertThat(en.exitCode()).isZero();
        assertThat(en.out())
                .contains("2 protocol logs")
                .contains("69 sessions, 5 of them failed")
                .contains("Protocol log: TLS negotiation failed with error SocketError")
                .contains("still negotiate TLS 1.0/1.1")
                .contains("Example of PROTOCOL_LOG_TLS_NEGOTIATION_FAILED");
        CliRunner sv = CliRunner.run("", "logs", logs.toString(), "--lang=sv");
        assertThat(sv.exitCode()).isZero();
        assertThat(sv.out())
                .contains("2 protokolloggar")
                .contains("69 sessioner, varav 5 misslyckades")
                .contains("förhandlar fortfarande TLS 1.0/1.1")
                .contains("Mottagning");
    }

    @Test
    void sinceLeavesOutTheOlderHours(@TempDir Path dir) throws Exception {
        Path logs = logs(dir);
        JsonNode all = Json.mapper()
                .readTree(CliRunner.run("", "logs", logs.toString(), "--json").out());
        JsonNode later = Json.mapper()
                .readTree(CliRunner.run("", "logs", logs.toString(), "--json", "--since", "2026-11-20T10:00:15Z")
                        .out());
        assertThat(later.get("sessions").asInt())
                .isLessThan(all.get("sessions").asInt())
                .isPositive();
        JsonNode future = Json.mapper()
                .readTree(CliRunner.run("", "logs", logs.toString(), "--json", "--since", "2027-01-01")
                        .out());
        assertThat(future.get("sessions").asInt()).isZero();
    }

    @Test
    void usageErrorsExitTwoWithAMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        CliRunner missing = CliRunner.run("", "logs", dir.resolve("nope").toString(), "--lang=en");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("There is no file or folder")
                .contains("nope")
                .doesNotContain("Exception");
        CliRunner missingSv = CliRunner.run("", "logs", dir.resolve("nope").toString(), "--lang=sv");
        assertThat(missingSv.err()).contains("finns inte");

        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRunner nothing = CliRunner.run("", "logs", notes.toString(), "--lang=en");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err())
                .contains("None of the given files is a readable SMTP protocol log")
                .contains("notes.txt: not an SMTP protocol log");
        CliRunner nothingSv = CliRunner.run("", "logs", notes.toString(), "--lang=sv");
        assertThat(nothingSv.err()).contains("Ingen av de angivna filerna");

        Path emptyFolder = Files.createDirectories(dir.resolve("empty"));
        assertThat(CliRunner.run("", "logs", emptyFolder.toString()).exitCode()).isEqualTo(2);

        CliRunner since =
                CliRunner.run("", "logs", logs(dir.resolve("l")).toString(), "--since", "yesterday", "--lang=en");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("'yesterday' is not a time");

        assertThat(CliRunner.run("", "logs").exitCode()).isEqualTo(2);
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
