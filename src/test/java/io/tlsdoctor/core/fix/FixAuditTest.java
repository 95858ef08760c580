package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.audit.JsonLinesAuditTrail;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change is recorded once it is done; a trail that cannot be written never undoes or hides the change. */
class FixAuditTest {

    private static final String TLS12_SERVER = RegExports.PROTOCOLS + "\\TLS 1.2\\Server";

    @TempDir
    Path dir;

    private Path export;
    private FixPlan plan;
    private Path auditFile;

    @BeforeEach
    void aServerWithTls12Off() throws Exception {
        export = RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 0L, 1L)
                .side("TLS 1.2", "Server", 0L, 1L)
                .write(dir.resolve("export.reg"));
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        plan = new FixPlanner(Clock.systemUTC())
                .plan(
                        snapshot,
                        new RegistryEvaluator().evaluate(snapshot),
                        Direction.ONPREM_TO_EXO,
                        FixPlan.Kind.ENABLE_TLS12);
        auditFile = dir.resolve("data").resolve(JsonLinesAuditTrail.FILE);
    }

    private FixEngine engine(AuditTrail trail, FixRequester.Via via) {
        return new FixEngine(
                Clock.systemUTC(),
                FixEvents.NONE,
                FixCheckpoint.NONE,
                new FixAudit(trail, new FixRequester("CONTOSO\\helpdesk1", via), "CONTOSO\\admin1"));
    }

    @Test
    void applyAndUndoEachAppendOneEntryWithTheValuesTheBackupsThePlanAndWhoAsked() throws Exception {
        Path backups = dir.resolve("backups");
        ApplyResult applied = engine(new JsonLinesAuditTrail(auditFile), FixRequester.Via.WIZARD)
                .apply(plan, "ab12", RegFileRegistryStore.open(export), backups);
        assertThat(applied.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(applied.audit().recorded()).isTrue();
        assertThat(applied.audit().messageKey()).isEqualTo("fix.audit.file");

        ApplyResult undone = engine(new JsonLinesAuditTrail(auditFile), FixRequester.Via.CLI)
                .undo(
                        Backup.load(applied.backupFolder()),
                        applied.backupFolder(),
                        RegFileRegistryStore.open(export),
                        backups);
        assertThat(undone.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

        List<String> lines = Files.readAllLines(auditFile);
        assertThat(lines).hasSize(2);
        JsonNode apply = Json.mapper().readTree(lines.get(0));
        assertThat(apply.get("schema").asText()).isEqualTo(AuditEntry.SCHEMA);
        assertThat(apply.get("action").asText()).isEqualTo("APPLY");
        assertThat(apply.get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(apply.get("rehearsal").asBoolean()).isTrue();
        assertThat(apply.get("planDigest").asText()).isEqualTo("ab12");
        assertThat(apply.get("backupFolder").asText())
                .isEqualTo(applied.backupFolder().toString());
        assertThat(apply.get("fullBackup").asText())
                .isEqualTo(applied.backupFolder().resolve(Backup.FULL_BACKUP).toString());
        assertThat(apply.get("requestedBy").asText()).isEqualTo("CONTOSO\\helpdesk1");
        assertThat(apply.get("via").asText()).isEqualTo("WIZARD");
        assertThat(apply.get("runAs").asText()).isEqualTo("CONTOSO\\admin1");
        JsonNode enabled = value(apply, TLS12_SERVER + "\\Enabled");
        assertThat(enabled.get("before").get("number").asLong()).isZero();
        assertThat(enabled.get("after").get("number").asLong()).isEqualTo(1);
        assertThat(enabled.get("state").asText()).isEqualTo("WRITTEN");

        JsonNode undo = Json.mapper().readTree(lines.get(1));
        assertThat(undo.get("action").asText()).isEqualTo("UNDO");
        assertThat(undo.get("via").asText()).isEqualTo("CLI");
        assertThat(undo.get("undoes").asText()).isEqualTo(applied.backupFolder().toString());
        assertThat(undo.has("planDigest")).isFalse();
        assertThat(value(undo, TLS12_SERVER + "\\Enabled")
                        .get("after")
                        .get("number")
                        .asLong())
                .isZero();
    }

    @Test
    void withoutAReviewedDigestThePlanIsNamedByItsCopyInTheBackupFolder() throws Exception {
        ApplyResult applied = engine(new JsonLinesAuditTrail(auditFile), FixRequester.Via.WIZARD)
                .apply(plan, RegFileRegistryStore.open(export), dir.resolve("backups"));
        JsonNode entry = Json.mapper().readTree(Files.readAllLines(auditFile).get(0));
        assertThat(entry.get("planDigest").asText())
                .isEqualTo(PlanDigest.of(applied.backupFolder().resolve("plan.json")));
    }

    @Test
    void aTrailThatCannotBeWrittenLeavesTheChangeDoneAndReportedWithAWarning() throws Exception {
        AuditTrail broken = new AuditTrail() {
            @Override
            public AuditOutcome record(AuditEntry entry) throws IOException {
                throw new IOException("the event log service is stopped");
            }

            @Override
            public String describe() {
                return "the Windows Application event log";
            }
        };
        ApplyResult applied = engine(broken, FixRequester.Via.CLI)
                .apply(plan, RegFileRegistryStore.open(export), dir.resolve("backups"));

        assertThat(applied.outcome()).as("the change stands").isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(RegFileRegistryStore.open(export).read(new RegistryLocation(TLS12_SERVER, "Enabled")))
                .contains(RegistryValue.dword(1));
        assertThat(applied.audit().recorded()).isFalse();
        assertThat(ChangeNotes.of(applied, true, Messages.forLocale(Locale.ENGLISH)))
                .first()
                .asString()
                .contains("reg import \"" + applied.backupFolder().resolve(Backup.FULL_BACKUP)
                        + "\" as an administrator, or double-click");
        List<String> notes = ChangeNotes.of(applied, true, Messages.forLocale(Locale.ENGLISH));
        assertThat(notes)
                .anySatisfy(n -> assertThat(n)
                        .startsWith("WARNING: the change above is done")
                        .contains("the Windows Application event log")
                        .contains("the event log service is stopped"));
        assertThat(ChangeNotes.of(applied, true, Messages.forLocale(Locale.forLanguageTag("sv"))))
                .anySatisfy(n -> assertThat(n).startsWith("VARNING: ändringen ovan är gjord"));
    }

    @Test
    void aChangeThatWasNotMadeIsNotRecorded() throws Exception {
        Path backups = dir.resolve("backups");
        engine(new JsonLinesAuditTrail(auditFile), FixRequester.Via.CLI)
                .apply(plan, RegFileRegistryStore.open(export), backups);
        ApplyResult second = engine(new JsonLinesAuditTrail(auditFile), FixRequester.Via.CLI)
                .apply(plan, RegFileRegistryStore.open(export), backups);
        assertThat(second.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
        assertThat(second.audit()).isNull();
        assertThat(Files.readAllLines(auditFile)).hasSize(1);
    }

    @Test
    void theEventTextNamesEveryValueOldAndNewTheBackupsAndWhoAskedInBothLanguages() throws Exception {
        ApplyResult applied =
                new FixEngine(Clock.systemUTC()).apply(plan, RegFileRegistryStore.open(export), dir.resolve("backups"));
        AuditEntry entry = AuditEntry.of(
                java.time.Instant.parse("2026-12-03T12:00:00Z"),
                AuditEntry.Action.APPLY,
                applied,
                false,
                "ab12",
                null,
                new FixRequester("CONTOSO\\helpdesk1", FixRequester.Via.WIZARD),
                "CONTOSO\\admin1");
        assertThat(entry.eventId()).isEqualTo(1001);
        String en = AuditText.of(entry, Messages.forLocale(Locale.ENGLISH));
        assertThat(en)
                .contains("TLS Doctor applied a fix plan to " + applied.store())
                .contains("Requested by CONTOSO\\helpdesk1 through the wizard; run as CONTOSO\\admin1.")
                .contains("Plan SHA-256: ab12")
                .contains(applied.backupFolder().resolve(Backup.FULL_BACKUP).toString())
                .contains(TLS12_SERVER + "\\Enabled: " + RegistryValue.dword(0).display() + " -> "
                        + RegistryValue.dword(1).display());
        String sv = AuditText.of(entry, Messages.forLocale(Locale.forLanguageTag("sv")));
        assertThat(sv).contains("Begärd av CONTOSO\\helpdesk1 via guiden");
    }

    @Test
    void theAuditOutcomeTravelsFromTheElevatedHelperInItsResultFile() throws Exception {
        ApplyResult applied = engine(new JsonLinesAuditTrail(auditFile), FixRequester.Via.WIZARD)
                .apply(plan, RegFileRegistryStore.open(export), dir.resolve("backups"));
        ApplyResult read = Json.mapper().readValue(Json.pretty(applied), ApplyResult.class);
        assertThat(read.audit()).isEqualTo(applied.audit());
        assertThat(read.audit().messageArgs()).containsExactly(auditFile.toString());
    }

    private static JsonNode value(JsonNode entry, String location) {
        for (JsonNode value : entry.get("values")) {
            if (value.get("location").asText().equals(location)) {
                return value;
            }
        }
        throw new AssertionError("no value " + location + " in " + entry);
    }
}
