package io.tlsdoctor.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.SavedConnectorOutput;
import io.tlsdoctor.core.evidence.EvidenceFiles;
import io.tlsdoctor.core.evidence.EvidenceInputException;
import io.tlsdoctor.core.fix.AuditOutcome;
import io.tlsdoctor.core.fleet.FleetComparison;
import io.tlsdoctor.core.fleet.FleetInputs;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.FleetSummary;
import io.tlsdoctor.platform.audit.JsonLinesAuditTrail;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a helpdesk user reads when a file, folder or key cannot be read: what it is, what is wrong with it and what to
 * do, in English and Swedish; never the exception's text ("java.io.IOException: Is a directory", "C:\x (Access is
 * denied)"). The failures here are real ones the JDK throws on Linux (root reads every file, so no chmod): a folder
 * where a file belongs, a file where a folder belongs.
 */
class ReadFailureWordingTest {

    private static final Messages ENGLISH = Messages.forLocale(Languages.ENGLISH);
    private static final Messages SWEDISH = Messages.forLocale(Languages.SWEDISH);

    @TempDir
    Path dir;

    static void readsAsPlainWords(String text) {
        assertThat(text)
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain(": /")
                .doesNotContain("{")
                .doesNotContain("Is a directory")
                .doesNotContain("Not a directory")
                .endsWith(".");
    }

    private static String english(UserFacingException e) {
        return ENGLISH.get(e.messageKey(), e.args());
    }

    private static String swedish(UserFacingException e) {
        return SWEDISH.get(e.messageKey(), e.args());
    }

    /** Both languages name {@code culprit}, say it is a folder where a file belongs, and how to go on. */
    private static void aFolderNotAFile(String english, String swedish, Path culprit) {
        readsAsPlainWords(english);
        readsAsPlainWords(swedish);
        assertThat(english).contains(culprit + " is a folder, not a file. Choose the file in it");
        assertThat(swedish).contains(culprit + " är en mapp, inte en fil. Välj filen i den");
    }

    @Test
    void aRegExportThatIsAFolderIsNamedAsOne() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("EX01.reg"));

        RegistryReadException e =
                catchThrowableOfType(() -> new RegFileSource(List.of(folder)).collect(), RegistryReadException.class);

        assertThat(e.messageKey()).isEqualTo("registry.file.unreadable");
        aFolderNotAFile(english(e), swedish(e), folder);
        assertThat(english(e)).startsWith("The file " + folder + " could not be read because");
        assertThat(swedish(e)).startsWith("Filen " + folder + " kunde inte läsas eftersom");
    }

    @Test
    void aRegExportUnderAFileNamesTheFileThatStandsWhereTheFolderBelongs() throws Exception {
        Path file = Files.writeString(dir.resolve("exports"), "not a folder");
        Path export = file.resolve("EX01.reg");

        RegistryReadException e =
                catchThrowableOfType(() -> RegFileRegistryStore.open(export), RegistryReadException.class);

        String english = english(e);
        readsAsPlainWords(english);
        readsAsPlainWords(swedish(e));
        assertThat(english)
                .contains(export.toString())
                .contains("because " + file + " is a file, not a folder. Check the name and folder");
        assertThat(swedish(e)).contains("eftersom " + file + " är en fil, inte en mapp");
    }

    @Test
    void aSavedSummaryThatIsAFolderIsNamedAsOne() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("summary.json"));

        UserFacingException e = catchThrowableOfType(() -> DiagnosisSummary.read(folder), UserFacingException.class);

        assertThat(e.messageKey()).isEqualTo("summary.error.unreadable");
        aFolderNotAFile(english(e), swedish(e), folder);
    }

    @Test
    void savedConnectorOutputThatIsAFolderIsNamedAsOne() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("connectors.xml"));

        ConnectorInputException e = catchThrowableOfType(
                () -> new SavedConnectorOutput(List.of(folder)).collect(), ConnectorInputException.class);

        assertThat(e.messageKey()).isEqualTo("connectors.read.unreadable");
        aFolderNotAFile(english(e), swedish(e), folder);
    }

    @Test
    void evidenceFromAStreamThatCannotBeReadSaysSoWithoutTheExceptionsText() throws Exception {
        // what `tlsdoctor classify - < FOLDER` hands over: the shell opens the folder, reading it fails
        Path folder = Files.createDirectory(dir.resolve("ndr"));
        EvidenceInputException e;
        try (InputStream in = Files.newInputStream(folder)) {
            e = catchThrowableOfType(() -> EvidenceFiles.read(in), EvidenceInputException.class);
        }

        String english = ENGLISH.get(e.messageKey(), e.args());
        String swedish = SWEDISH.get(e.messageKey(), e.args());
        readsAsPlainWords(english);
        readsAsPlainWords(swedish);
        assertThat(english).contains("is a folder, not a file");
        assertThat(swedish).contains("är en mapp, inte en fil");
    }

    @Test
    void aServerSnapshotThatIsAFolderIsNamedAsOne() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ex01" + ServerSnapshot.SUFFIX));

        UserFacingException e = catchThrowableOfType(() -> ServerSnapshot.read(folder), UserFacingException.class);

        assertThat(e.messageKey()).isEqualTo("fleet.file.unreadable");
        aFolderNotAFile(english(e), swedish(e), folder);
    }

    @Test
    void aServersExportsThatCannotBeReadAreListedInTheComparisonInPlainWords() throws Exception {
        Path server = Files.createDirectory(dir.resolve("EX01"));
        Files.writeString(server.resolve("schannel.reg"), "Windows Registry Editor Version 5.00\r\n");
        Path gone = Files.createDirectory(dir.resolve("replaced-by-a-folder.reg"));
        RegistrySources registries = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.empty();
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(List.of(gone)); // the export as it is by the time it is read
            }
        };
        FleetComparison comparison = new FleetComparison(Clock.systemUTC());

        new FleetInputs(registries).read(List.of(server), comparison);

        for (Messages m : List.of(ENGLISH, SWEDISH)) {
            FleetSummary summary = FleetSummary.of(comparison.finish(), m, Clock.systemUTC());
            assertThat(summary.problems()).singleElement().satisfies(problem -> {
                readsAsPlainWords(problem.message());
                assertThat(problem.message()).contains(gone.toString());
            });
        }
        assertThat(FleetSummary.of(comparison.finish(), ENGLISH, Clock.systemUTC())
                        .problems()
                        .get(0)
                        .message())
                .contains(gone + " is a folder, not a file");
    }

    @Test
    void anAuditTrailThatCannotBeWrittenNamesTheFileAndKeepsTheWarning() throws Exception {
        Path file = Files.writeString(dir.resolve("TLS Doctor"), "a file where the audit folder belongs");
        JsonLinesAuditTrail trail = new JsonLinesAuditTrail(file.resolve(JsonLinesAuditTrail.FILE));
        AuditOutcome outcome;
        try {
            outcome = trail.record(null);
        } catch (Exception e) {
            outcome = AuditOutcome.failed(trail.describe(), e);
        }

        assertThat(outcome.recorded()).isFalse();
        String english = ENGLISH.get(outcome.messageKey(), outcome.messageArgs().toArray());
        String swedish = SWEDISH.get(outcome.messageKey(), outcome.messageArgs().toArray());
        readsAsPlainWords(english);
        readsAsPlainWords(swedish);
        assertThat(english)
                .startsWith("WARNING: the change above is done")
                .contains("because " + file + " is a file, not a folder")
                .endsWith("Note it in your change log by hand.");
        assertThat(swedish)
                .startsWith("VARNING: ändringen ovan är gjord")
                .contains("eftersom " + file + " är en fil, inte en mapp");
    }

    @Test
    void anAuditTrailThatFailsForAReasonNotForeseenPointsToTheLogAndTheEventLogsOwnWordsAreKept() {
        AuditOutcome bug = AuditOutcome.failed(
                "the Windows Application event log", new IllegalStateException("java.lang.NullPointerException"));
        AuditOutcome eventLog = AuditOutcome.failed(
                "the Windows Application event log", new java.io.IOException("The event log service is unavailable."));

        String english = ENGLISH.get(bug.messageKey(), bug.messageArgs().toArray());
        readsAsPlainWords(english);
        assertThat(english)
                .isEqualTo("WARNING: the change above is done, but it could not be recorded in the audit trail, the"
                        + " Windows Application event log, for a reason TLS Doctor did not expect (the details are in"
                        + " the log). Note it in your change log by hand.");
        assertThat(ENGLISH.get(eventLog.messageKey(), eventLog.messageArgs().toArray()))
                .isEqualTo("WARNING: the change above is done, but it could not be recorded in the audit trail, the"
                        + " Windows Application event log; the system said: The event log service is unavailable."
                        + " Note it in your change log by hand.");
        assertThat(SWEDISH.get(eventLog.messageKey(), eventLog.messageArgs().toArray()))
                .contains("systemet svarade: The event log service is unavailable. Anteckna den");
    }

    @Test
    void theFleetWindowsFailureNamesWhatToDoForEveryKind() {
        String folder = "\\\\fileserver\\tls\\snapshots";
        for (IoProblem.Kind kind : IoProblem.Kind.values()) {
            for (Messages m : List.of(ENGLISH, SWEDISH)) {
                String text = m.get("fleet.ui.status.failed", folder, folder, kind.code());
                readsAsPlainWords(text);
                if (kind != IoProblem.Kind.OTHER) {
                    assertThat(text).as("%s %s", kind, m.locale()).contains(folder);
                }
            }
        }
        assertThat(ENGLISH.get("fleet.ui.status.failed", folder, folder, IoProblem.Kind.OTHER.code()))
                .startsWith("The comparison stopped for a reason TLS Doctor did not expect");
        assertThat(ENGLISH.get("fleet.ui.status.failed", folder, folder, IoProblem.Kind.ACCESS_DENIED.code()))
                .isEqualTo("The comparison stopped because access to " + folder + " was denied. Get permission to"
                        + " it, or run TLS Doctor as an administrator, then try again.");
    }

    /** Every kind a read can fail with reads as a sentence that names the file and the way on, in both languages. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "registry.file.unreadable",
                "connectors.read.unreadable",
                "evidence.error.unreadable",
                "summary.error.unreadable",
                "fleet.file.unreadable",
                "fleet.folder.unreadable",
                "review.error.unexpected"
            })
    void everyKindOfReadFailureReadsAsASentenceWithTheWayOn(String key) {
        String subject = "C:\\Users\\helpdesk\\Desktop\\EX01.reg";
        String culprit = "C:\\Users\\helpdesk\\Desktop";
        for (IoProblem.Kind kind : IoProblem.Kind.values()) {
            for (Messages m : List.of(ENGLISH, SWEDISH)) {
                String text = m.get(key, subject, culprit, kind.code());
                readsAsPlainWords(text);
                assertThat(text).as("%s %s %s", key, kind, m.locale()).contains(subject);
                boolean unexpected = kind == IoProblem.Kind.OTHER
                        || kind == IoProblem.Kind.DISK_FULL
                        || kind == IoProblem.Kind.READ_ONLY;
                if (unexpected) {
                    assertThat(text)
                            .as("a read cannot fill a disk: %s %s %s", key, kind, m.locale())
                            .containsAnyOf("did not expect; the details are in the log", "inte väntade sig")
                            .containsAnyOf("support bundle", "supportpaket");
                } else {
                    assertThat(text).as("%s %s names the culprit", key, kind).contains(culprit);
                }
            }
        }
        assertThat(ENGLISH.get(key, subject, subject, IoProblem.Kind.ACCESS_DENIED.code()))
                .contains("because access to " + subject
                        + " was denied. Get permission to read it, or run TLS Doctor as an administrator");
        assertThat(ENGLISH.get(key, subject, subject, IoProblem.Kind.NOT_FOUND.code()))
                .contains(subject + " is not there. Check the name and folder");
        assertThat(ENGLISH.get(key, subject, subject, IoProblem.Kind.IN_USE.code()))
                .contains(subject + " is in use by another program");
        assertThat(SWEDISH.get(key, subject, subject, IoProblem.Kind.ACCESS_DENIED.code()))
                .contains("eftersom åtkomst till " + subject
                        + " nekades. Skaffa behörighet att läsa den, eller kör TLS Doctor som administratör");
    }
}
