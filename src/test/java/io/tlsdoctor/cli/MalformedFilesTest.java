package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.fleet.FleetServers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a helpdesk user reads when a file TLS Doctor wrote comes back damaged: a summary to review, a snapshot to
 * compare, a plan to apply, a backup to undo. Real broken files through the real commands, in English and Swedish:
 * the message names the file, what is wrong and where, and what to do; never Jackson's own text ("Cannot deserialize
 * value of type `java.lang.String` from Object value ... [Source: (byte[])...").
 */
class MalformedFilesTest {

    private static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    /** The ways a file comes back: cut short in a copy, edited by hand, another file under its name. */
    enum Damage {
        /** Half of it, as a copy or download that stopped. */
        CUT_OFF,
        /** A JSON list where the object belongs. */
        A_LIST,
        /** A known field with the wrong kind of value (a list for a text, a number for a list). */
        WRONG_VALUE,
        /** A comma lost in an edit by hand: not JSON from there on. */
        A_LOST_COMMA,
        /** A web page saved under the name. */
        A_WEB_PAGE,
        EMPTY,
        /** Saved again by Notepad as "Unicode": UTF-16 with a byte-order mark; still the same file. */
        UTF16
    }

    @TempDir
    Path dir;

    private Path export;

    /** Neither the parser's nor an exception's own words. */
    static void readsAsPlainWords(String text) {
        assertThat(text)
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("[Source:")
                .doesNotContain("Cannot deserialize")
                .doesNotContain("Unexpected")
                .doesNotContain("end-of-input")
                .doesNotContain("through reference chain")
                .doesNotContain("{");
    }

    @BeforeEach
    void exportWithTls12ClientOff() throws Exception {
        export = Files.write(
                dir.resolve("export.reg"),
                RegFileText.bytes(String.join(
                        "\r\n",
                        "Windows Registry Editor Version 5.00",
                        "",
                        "[" + PROTOCOLS + "\\TLS 1.2\\Client]",
                        "\"DisabledByDefault\"=dword:00000001",
                        "\"Enabled\"=dword:00000000",
                        "",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                        "\"ProductName\"=\"Windows Server 2019 Standard\"",
                        "\"CurrentBuild\"=\"17763\"",
                        "",
                        "")));
    }

    /** {@code good} damaged; {@code field}, {@code wrong}: the first occurrence of a field and what replaces it. */
    private static byte[] damaged(String good, Damage damage, String field, String wrong) {
        return switch (damage) {
            case CUT_OFF -> good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8);
            case A_LIST -> ("[ " + good + " ]").getBytes(StandardCharsets.UTF_8);
            case WRONG_VALUE -> {
                assertThat(good).contains(field);
                yield good.replaceFirst(java.util.regex.Pattern.quote(field), wrong)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case A_LOST_COMMA -> good.replaceFirst(",\n", "\n").getBytes(StandardCharsets.UTF_8);
            case A_WEB_PAGE -> "<!DOCTYPE html>\n<html><body>Summary</body></html>\n".getBytes(StandardCharsets.UTF_8);
            case EMPTY -> new byte[0];
            case UTF16 -> ("\uFEFF" + good).getBytes(StandardCharsets.UTF_16LE);
        };
    }

    /** The line {@code text} first stands on in {@code content}. */
    private static int lineOf(byte[] content, String text) {
        String s = new String(content, StandardCharsets.UTF_8);
        return (int) s.substring(0, s.indexOf(text))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    /** The line after the first comma that ends a line: where a lost comma is noticed. */
    private static int lineAfterFirstComma(String good) {
        return (int) good.substring(0, good.indexOf(",\n"))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 2;
    }

    /** What the user reads in both languages, with the checks every damage shares: the file is named, no parser text. */
    private static List<String> read(Path file, java.util.function.Function<String, CliRunner> run) {
        CliRunner english = run.apply("en");
        CliRunner swedish = run.apply("sv");
        String en = english.out() + english.err();
        String sv = swedish.out() + swedish.err();
        readsAsPlainWords(en);
        readsAsPlainWords(sv);
        return List.of(en, sv);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedSummaryToReviewSaysWhatIsWrongWhereAndToSaveItAgain(Damage damage) throws Exception {
        String good;
        try (InputStream in = getClass().getResourceAsStream("/io/tlsdoctor/core/report/summary-en.json")) {
            good = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] content = damaged(good, damage, "\"computerName\" : \"EX01\"", "\"computerName\" : [ \"EX01\" ]");
        Path file = Files.write(dir.resolve("ticket-4711.json"), content);

        List<String> said = read(file, lang -> CliRunner.run("", "review", file.toString(), "--lang=" + lang));
        String en = said.get(0);
        String sv = said.get(1);

        if (damage == Damage.UTF16) {
            assertThat(en).as("still the summary").contains("Made by CONTOSO\\jdoe on EX01");
            return;
        }
        if (damage == Damage.A_WEB_PAGE) {
            assertThat(en).contains("ticket-4711.json is not a JSON file. Open the .json summary");
            assertThat(sv).contains("ticket-4711.json är ingen JSON-fil.");
            return;
        }
        assertThat(en)
                .contains("ticket-4711.json is not a summary TLS Doctor can open: ")
                .contains("Save the summary again from TLS Doctor (the Summary step");
        assertThat(sv)
                .contains("ticket-4711.json är ingen sammanfattning som TLS Doctor kan öppna: ")
                .contains("Spara sammanfattningen igen från TLS Doctor (steget Sammanfattning");
        switch (damage) {
            case CUT_OFF -> {
                assertThat(en).containsPattern("it is cut off at line \\d+, before the summary ends\\.");
                assertThat(sv).containsPattern("den tar slut på rad \\d+, innan sammanfattningen är slut\\.");
            }
            case A_LIST -> {
                assertThat(en).contains("it is JSON, but not a TLS Doctor summary.");
                assertThat(sv).contains("den är JSON, men ingen sammanfattning från TLS Doctor.");
            }
            case WRONG_VALUE -> {
                int line = lineOf(content, "\"computerName\"");
                assertThat(en)
                        .containsPattern("the field context\\.computerName at line " + line
                                + ", column \\d+ has the wrong kind of value\\.");
                assertThat(sv)
                        .containsPattern("fältet context\\.computerName på rad " + line
                                + ", kolumn \\d+ har fel typ av värde\\.");
            }
            case A_LOST_COMMA -> {
                int line = lineAfterFirstComma(good);
                assertThat(en).containsPattern("it is not valid JSON at line " + line + ", column \\d+\\.");
                assertThat(sv).containsPattern("den är inte giltig JSON på rad " + line + ", kolumn \\d+\\.");
            }
            case EMPTY -> {
                assertThat(en).contains("the file is empty.");
                assertThat(sv).contains("filen är tom.");
            }
            default -> throw new AssertionError(damage);
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedSnapshotToCompareSaysWhatIsWrongWhereAndToCollectAgain(Damage damage) throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path good =
                FleetServers.writeSnapshot(share, FleetServers.healthy("EX01"), Instant.parse("2026-12-01T10:00:00Z"));
        FleetServers.writeSnapshot(share, FleetServers.healthy("EX02"), Instant.parse("2026-12-01T10:00:00Z"));
        String original = Files.readString(good);
        byte[] content = damaged(original, damage, "\"server\" : \"EX01\"", "\"server\" : [ \"EX01\" ]");
        Files.write(good, content);

        List<String> said = read(good, lang -> CliRunner.run("", "compare", share.toString(), "--lang=" + lang));
        String en = said.get(0);
        String sv = said.get(1);

        if (damage == Damage.UTF16) {
            assertThat(en)
                    .as("still the snapshot")
                    .doesNotContain("is not a snapshot")
                    .contains("EX01");
            return;
        }
        if (damage == Damage.A_LIST) {
            assertThat(en).contains(good + " is not a TLS Doctor snapshot.");
            assertThat(sv).contains(good + " är ingen ögonblicksbild från TLS Doctor.");
            return;
        }
        assertThat(en)
                .contains(good + " is not a snapshot TLS Doctor can compare: ")
                .contains("Run 'tlsdoctor collect' on that server again");
        assertThat(sv)
                .contains(good + " är ingen ögonblicksbild som TLS Doctor kan jämföra: ")
                .contains("Kör 'tlsdoctor collect' på den servern igen");
        switch (damage) {
            case CUT_OFF -> {
                assertThat(en).containsPattern("it is cut off at line \\d+, before the snapshot ends\\.");
                assertThat(sv).containsPattern("den tar slut på rad \\d+, innan ögonblicksbilden är slut\\.");
            }
            case WRONG_VALUE -> {
                int line = lineOf(content, "\"server\"");
                assertThat(en)
                        .containsPattern(
                                "the field server at line " + line + ", column \\d+ has the wrong kind of value\\.");
                assertThat(sv)
                        .containsPattern("fältet server på rad " + line + ", kolumn \\d+ har fel typ av värde\\.");
            }
            case A_LOST_COMMA -> {
                int line = lineAfterFirstComma(original);
                assertThat(en).containsPattern("it is not valid JSON at line " + line + ", column \\d+\\.");
                assertThat(sv).containsPattern("den är inte giltig JSON på rad " + line + ", kolumn \\d+\\.");
            }
            case A_WEB_PAGE -> {
                assertThat(en).contains("it is another kind of file, not one TLS Doctor saved.");
                assertThat(sv).contains("den är en annan sorts fil, inte en som TLS Doctor sparade.");
            }
            case EMPTY -> {
                assertThat(en).contains("the file is empty.");
                assertThat(sv).contains("filen är tom.");
            }
            default -> throw new AssertionError(damage);
        }
    }

    private Path plan() throws Exception {
        Path plan = dir.resolve("plan.json");
        CliRunner planned = CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                export.toString(),
                "--direction",
                "outbound",
                "--out",
                plan.toString());
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        return plan;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedPlanSaysWhatIsWrongWhereAndToMakeItAgain(Damage damage) throws Exception {
        Path plan = plan();
        String original = Files.readString(plan);
        byte[] content = damaged(original, damage, "\"name\" : \"Enabled\"", "\"name\" : [ \"Enabled\" ]");
        Files.write(plan, content);

        List<String> said = read(
                plan,
                lang -> CliRunner.run(
                        "", "fix", "apply", "--plan", plan.toString(), "--store", export.toString(), "--lang=" + lang));
        String en = said.get(0);
        String sv = said.get(1);

        if (damage == Damage.UTF16) {
            assertThat(en)
                    .as("still the plan")
                    .contains("Plan: enable TLS 1.2")
                    .contains("Nothing was changed. Add --yes");
            return;
        }
        assertThat(en)
                .contains("Nothing was changed: the plan file '" + plan + "' cannot be used, because ")
                .contains("Make the plan again with tlsdoctor fix plan --out plan.json");
        assertThat(sv)
                .contains("Ingenting ändrades: planfilen '" + plan + "' kan inte användas, eftersom ")
                .contains("Skapa planen igen med tlsdoctor fix plan --out plan.json");
        switch (damage) {
            case CUT_OFF -> {
                assertThat(en).containsPattern("because it is cut off at line \\d+, before the plan ends\\.");
                assertThat(sv).containsPattern("eftersom den tar slut på rad \\d+, innan planen är slut\\.");
            }
            case A_LIST -> {
                assertThat(en).contains("because it is JSON, but not a TLS Doctor plan.");
                assertThat(sv).contains("eftersom den är JSON, men ingen plan från TLS Doctor.");
            }
            case WRONG_VALUE -> {
                int line = lineOf(content, "\"name\"");
                assertThat(en)
                        .containsPattern("because the field changes\\[0\\]\\.location\\.name at line " + line
                                + ", column \\d+ has the wrong kind of value\\.");
                assertThat(sv)
                        .containsPattern("eftersom fältet changes\\[0\\]\\.location\\.name på rad " + line
                                + ", kolumn \\d+ har fel typ av värde\\.");
            }
            case A_LOST_COMMA -> {
                int line = lineAfterFirstComma(original);
                assertThat(en).containsPattern("because it is not valid JSON at line " + line + ", column \\d+\\.");
                assertThat(sv).containsPattern("eftersom den inte är giltig JSON på rad " + line + ", kolumn \\d+\\.");
            }
            case A_WEB_PAGE -> {
                assertThat(en).contains("because it is another kind of file, not one TLS Doctor saved.");
                assertThat(sv).contains("eftersom den är en annan sorts fil, inte en som TLS Doctor sparade.");
            }
            case EMPTY -> {
                assertThat(en).contains("because the file is empty.");
                assertThat(sv).contains("eftersom filen är tom.");
            }
            default -> throw new AssertionError(damage);
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedBackupSaysWhatIsWrongWhereAndThatRestoreRegStillWorks(Damage damage) throws Exception {
        Path backups = dir.resolve("backups");
        CliRunner applied = CliRunner.run(
                "",
                "fix",
                "apply",
                "--plan",
                plan().toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                backups.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        Path folder;
        try (Stream<Path> folders = Files.list(backups)) {
            folder = folders.filter(p -> p.getFileName().toString().endsWith("-apply"))
                    .findFirst()
                    .orElseThrow();
        }
        Path file = folder.resolve("backup.json");
        String original = Files.readString(file);
        byte[] content = damaged(original, damage, "\"name\" : \"Enabled\"", "\"name\" : [ \"Enabled\" ]");
        Files.write(file, content);

        List<String> said = read(
                file,
                lang -> CliRunner.run(
                        "",
                        "fix",
                        "undo",
                        "--backup",
                        folder.toString(),
                        "--store",
                        export.toString(),
                        "--backups",
                        backups.toString(),
                        "--lang=" + lang));
        String en = said.get(0);
        String sv = said.get(1);

        if (damage == Damage.UTF16) {
            assertThat(en).as("still the backup").doesNotContain("cannot be used");
            return;
        }
        assertThat(en)
                .contains("Nothing was changed: the backup '" + file + "' cannot be used, because ")
                .contains("restore.reg in the same folder can still be imported by hand");
        assertThat(sv)
                .contains("Ingenting ändrades: säkerhetskopian '" + file + "' kan inte användas, eftersom ")
                .contains("restore.reg i samma mapp kan fortfarande importeras för hand");
        switch (damage) {
            case CUT_OFF -> {
                assertThat(en).containsPattern("because it is cut off at line \\d+, before the backup ends\\.");
                assertThat(sv).containsPattern("eftersom den tar slut på rad \\d+, innan säkerhetskopian är slut\\.");
            }
            case A_LIST -> {
                assertThat(en).contains("because it is JSON, but not a TLS Doctor backup.");
                assertThat(sv).contains("eftersom den är JSON, men ingen säkerhetskopia från TLS Doctor.");
            }
            case WRONG_VALUE -> {
                int line = lineOf(content, "\"name\"");
                assertThat(en)
                        .containsPattern("because the field entries\\[0\\]\\.location\\.name at line " + line
                                + ", column \\d+ has the wrong kind of value\\.");
                assertThat(sv)
                        .containsPattern("eftersom fältet entries\\[0\\]\\.location\\.name på rad " + line
                                + ", kolumn \\d+ har fel typ av värde\\.");
            }
            case A_LOST_COMMA -> {
                int line = lineAfterFirstComma(original);
                assertThat(en).containsPattern("because it is not valid JSON at line " + line + ", column \\d+\\.");
                assertThat(sv).containsPattern("eftersom den inte är giltig JSON på rad " + line + ", kolumn \\d+\\.");
            }
            case A_WEB_PAGE -> {
                assertThat(en).contains("because it is another kind of file, not one TLS Doctor saved.");
                assertThat(sv).contains("eftersom den är en annan sorts fil, inte en som TLS Doctor sparade.");
            }
            case EMPTY -> {
                assertThat(en).contains("because the file is empty.");
                assertThat(sv).contains("eftersom filen är tom.");
            }
            default -> throw new AssertionError(damage);
        }
    }

    /** Saved cmdlet output from the test corpus, as a user would have saved it. */
    private Path corpus(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/tlsdoctor/core/connectors/bad/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @org.junit.jupiter.api.Test
    void connectorOutputCutShortSaysWhereAndToSaveItAgainNotTheXmlParsersText() throws Exception {
        Path file = corpus("clixml-cut-short.xml");

        List<String> said = read(file, lang -> CliRunner.run("", "connectors", file.toString(), "--lang=" + lang));

        assertThat(said.get(0))
                .containsPattern(file.getFileName()
                        + " is not readable XML: there is a mistake at line \\d+, column \\d+, so the"
                        + " file is probably cut short or was changed after it was saved\\. Run the cmdlet again and"
                        + " save its output anew with Export-Clixml\\.")
                .doesNotContain("XML document structures")
                .doesNotContain("must start and end");
        assertThat(said.get(1))
                .containsPattern(
                        file.getFileName() + " är ingen läsbar XML: det finns ett fel på rad \\d+, kolumn \\d+")
                .contains("spara utdata på nytt med Export-Clixml.");
    }

    @org.junit.jupiter.api.Test
    void connectorOutputAsJsonCutShortSaysSoWithTheLineNotJacksonsText() throws Exception {
        Path file = corpus("json-cut-short.json");

        List<String> said = read(file, lang -> CliRunner.run("", "connectors", file.toString(), "--lang=" + lang));

        assertThat(said.get(0))
                .containsPattern(file.getFileName()
                        + " is not readable JSON: it is cut off at line \\d+, before the output ends\\."
                        + " Run the cmdlet again and save its output anew with ConvertTo-Json\\.")
                .doesNotContain("close marker");
        assertThat(said.get(1))
                .containsPattern(file.getFileName()
                        + " är ingen läsbar JSON: den tar slut på rad \\d+, innan utdata är slut\\.");
    }

    @org.junit.jupiter.api.Test
    void aDamagedZipOfLogsIsNamedWithTheWayOutNotTheZipReadersText() throws Exception {
        // a download of the logs folder that stopped after the first bytes
        Path cut = Files.write(dir.resolve("SmtpSend.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        // a whole archive whose compressed log was damaged on the way
        Path damaged = dir.resolve("SmtpReceive.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("RECV2026112009-1.LOG"));
            StringBuilder log = new StringBuilder("#Software: Microsoft Exchange Server\r\n#Log-type: SMTP Receive"
                    + " Protocol Log\r\n#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
                    + "remote-endpoint,event,data,context\r\n");
            for (int i = 0; i < 2000; i++) {
                log.append("2026-11-20T09:00:")
                        .append(i % 60)
                        .append(".000Z,EX01\\Default,08DC")
                        .append(i)
                        .append(",0,10.0.0.1:25,10.0.0.")
                        .append(i % 250)
                        .append(":")
                        .append(40000 + i)
                        .append(",+,,\r\n");
            }
            zip.write(log.toString().getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            // and the same log beside them, whole: the analysis runs and lists what it skipped
            Files.writeString(dir.resolve("RECV2026112009-2.LOG"), log, StandardCharsets.US_ASCII);
        }
        byte[] bytes = Files.readAllBytes(damaged);
        for (int i = 80; i < 200; i++) {
            bytes[i] = (byte) 0xFF; // inside the deflated data, after the local header and the entry's name
        }
        Files.write(damaged, bytes);

        String whole = dir.resolve("RECV2026112009-2.LOG").toString();
        CliRunner english = CliRunner.run("", "logs", cut.toString(), damaged.toString(), whole, "--lang=en");
        CliRunner swedish = CliRunner.run("", "logs", cut.toString(), damaged.toString(), whole, "--lang=sv");
        String en = english.out() + english.err();
        String sv = swedish.out() + swedish.err();

        for (String said : List.of(en, sv)) {
            readsAsPlainWords(said);
            assertThat(said)
                    .doesNotContain("(zip: ")
                    .doesNotContain("central directory")
                    .doesNotContain("invalid ")
                    .doesNotContain("cut short)");
        }
        for (String archive : List.of(cut.toString(), damaged + "!/RECV2026112009-1.LOG")) {
            assertThat(en)
                    .contains(archive + ": a .zip archive that is damaged or cut short: copy it from the"
                            + " server again, or unpack what you can and give the folder");
            assertThat(sv)
                    .contains(archive + ": ett .zip-arkiv som är skadat eller avkortat: kopiera det från"
                            + " servern igen");
        }
    }
}
