package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fix.FixCheckpoint;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code fix apply} processes on one store, as two admins (or a script run twice) would start them: they never
 * interleave, neither loses the other's values, and none reports a value as written that the file does not hold.
 */
class ConcurrentAppliesTest {

    private static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    @TempDir
    Path dir;

    private Path export;
    private Path outbound;
    private Path inbound;
    private byte[] before;

    @BeforeEach
    void twoPlansForOneExport() throws Exception {
        String text = String.join(
                "\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[" + PROTOCOLS + "\\TLS 1.2\\Client]",
                "\"DisabledByDefault\"=dword:00000001",
                "\"Enabled\"=dword:00000000",
                "",
                "[" + PROTOCOLS + "\\TLS 1.2\\Server]",
                "\"DisabledByDefault\"=dword:00000001",
                "\"Enabled\"=dword:00000000",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                "\"ProductName\"=\"Windows Server 2019 Standard\"",
                "\"CurrentBuild\"=\"17763\"",
                "",
                "");
        export = Files.write(dir.resolve("export.reg"), RegFileText.bytes(text));
        before = Files.readAllBytes(export);
        outbound = plan("outbound");
        inbound = plan("inbound");
        assertThat(FixPlan.load(outbound).changes())
                .extracting(c -> c.location().keyPath())
                .contains(PROTOCOLS + "\\TLS 1.2\\Client");
        assertThat(FixPlan.load(inbound).changes())
                .extracting(c -> c.location().keyPath())
                .contains(PROTOCOLS + "\\TLS 1.2\\Server");
    }

    private Path plan(String direction) {
        Path plan = dir.resolve(direction + ".json");
        CliRunner planned = CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                export.toString(),
                "--direction",
                direction,
                "--out",
                plan.toString(),
                "--lang=en");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        return plan;
    }

    private ChildProcess apply(String name, String mode, Path plan) throws Exception {
        return ChildProcess.start(
                dir,
                name,
                mode,
                "fix",
                "apply",
                "--plan",
                plan.toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                dir.resolve("backups").toString(),
                "--lang=en");
    }

    @Test
    void aSecondApplyWhileTheFirstHoldsTheStoreIsRefusedAndChangesNothing() throws Exception {
        ChildProcess first = apply("first", "pause-at:" + FixCheckpoint.BEFORE_COMMIT, outbound);
        first.awaitCheckpoint(FixCheckpoint.BEFORE_COMMIT);
        ChildProcess second = apply("second", "slow:0", inbound);
        int secondCode = second.awaitExit();

        assertThat(secondCode).isNotZero();
        assertThat(second.out() + second.err())
                .contains("Another TLS Doctor change to " + export + " is running")
                .doesNotContain("Done:");
        assertThat(Files.readAllBytes(export)).isEqualTo(before);

        first.process().destroy();
        first.awaitExit();
        assertThat(Files.readAllBytes(export)).isEqualTo(before);
    }

    @Test
    void twoAppliesStartedTogetherEachKeepTheOthersValuesAndReportOnlyWhatTheFileHolds() throws Exception {
        for (int round = 0; round < 2; round++) {
            Files.write(export, before);
            ChildProcess a = apply("a" + round, "slow:150", outbound);
            ChildProcess b = apply("b" + round, "slow:150", inbound);
            a.awaitExit();
            b.awaitExit();
            RegistrySnapshot after = new RegFileSource(List.of(export)).collect();
            int succeeded = 0;
            for (Object[] run : new Object[][] {{a, outbound}, {b, inbound}}) {
                ChildProcess child = (ChildProcess) run[0];
                String said = child.out() + child.err();
                // both say every planned value is in the file: that must be true of the file itself
                if (said.contains("Done: every value") || said.contains("Nothing to do: every value")) {
                    succeeded++;
                    for (PlannedChange change : FixPlan.load((Path) run[1]).changes()) {
                        assertThat(after.value(
                                        change.location().keyPath(),
                                        change.location().name()))
                                .as("round %d: %s reported written", round, change.location())
                                .isEqualTo(change.target());
                    }
                } else {
                    assertThat(said)
                            .as("round %d: a run that did not finish says why", round)
                            .contains("Another TLS Doctor change");
                }
            }
            assertThat(succeeded).as("round %d: at least one finished", round).isPositive();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tlsdoctor-tmp"));
            }
        }
    }
}
