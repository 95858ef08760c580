package io.tlsdoctor.ui.step.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry step without the toolkit: the latest exports are judged, an older read that ends later is dropped. */
class RegistryStepViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final DiagnosisSession session = new DiagnosisSession();
    private final RegistryStepViewModel step = step(runner);

    @Test
    void theLatestExportsAreJudgedEvenWhenTheOlderReadEndsLast() throws Exception {
        DirectTaskRunner runner = DirectTaskRunner.heldPastCancel();
        RegistryStepViewModel step = step(runner);
        Path off = Cases.regFile(Files.createDirectories(dir.resolve("off")), false, true);
        Path on = Cases.regFile(Files.createDirectories(dir.resolve("on")), true, true);
        step.loadExports(List.of(off));
        step.loadExports(List.of(on));
        assertThat(step.runningProperty().get()).isTrue();
        assertThat(step.busyProperty().get())
                .as("the wizard is locked while reading")
                .isTrue();

        runner.runLast();
        runner.runAll();

        assertThat(step.runningProperty().get()).isFalse();
        assertThat(step.reportProperty().get().tls12().client())
                .as("judged from the TLS 1.2 on exports")
                .isTrue();
        assertThat(session.registryReportProperty().get())
                .isSameAs(step.reportProperty().get());
        assertThat(step.verdictTextProperty().get()).doesNotStartWith("This server cannot");
    }

    @Test
    void everyFindingShownLinksToTheMicrosoftPageThatDocumentsIt() throws Exception {
        step.loadExports(List.of(Cases.regFile(dir, false, true)));
        runner.runAll();

        assertThat(step.findings()).hasSizeGreaterThan(5).allSatisfy(row -> {
            assertThat(row.docsAddress()).as("link of %s", row.id()).startsWith("https://");
            assertThat(row.docsText())
                    .as("link text of %s", row.id())
                    .startsWith("Microsoft documentation: ")
                    .endsWith(row.docsAddress());
        });
        FindingRow client = step.findings().stream()
                .filter(row -> row.id().equals("tls12.client"))
                .findFirst()
                .orElseThrow();
        assertThat(client.docsText()).contains("Exchange Server TLS configuration best practices");
        FindingRow dotnet = step.findings().stream()
                .filter(row -> row.id().startsWith("dotnet."))
                .findFirst()
                .orElseThrow();
        assertThat(dotnet.docsText()).contains("SchUseStrongCrypto");
    }

    @Test
    void cancellingAReadSaysSoAndKeepsNoResult() throws Exception {
        step.loadExports(List.of(Cases.regFile(dir, false, true)));
        step.cancel();
        runner.runAll();

        assertThat(step.runningProperty().get()).isFalse();
        assertThat(step.progressTextProperty().get()).isEqualTo("Stopped. Nothing was read.");
        assertThat(step.reportProperty().get()).isNull();
        assertThat(session.registryReportProperty().get()).isNull();
    }

    @Test
    void aBrokenExportIsNamedAndTheWizardIsNotLeftLocked() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.reg"), "this is not a registry export");
        step.loadExports(List.of(broken));
        runner.runAll();

        assertThat(step.problemProperty().get()).contains("broken.reg");
        assertThat(step.runningProperty().get()).isFalse();
    }

    @Test
    void aFailureThatIsABugPointsToTheLogNotToTheExceptionsText() throws Exception {
        Path export = Files.writeString(dir.resolve("EX01.reg"), "Windows Registry Editor Version 5.00\r\n");
        RegistryStepViewModel failing = new RegistryStepViewModel(
                new RegistrySources() {
                    @Override
                    public Optional<RegistrySource> live() {
                        return Optional.empty();
                    }

                    @Override
                    public RegistrySource fromFiles(List<Path> files) {
                        return () -> {
                            throw new IllegalStateException("java.lang.ArrayIndexOutOfBoundsException: 3");
                        };
                    }
                },
                runner,
                new I18n(Locale.ENGLISH),
                session);

        failing.loadExports(List.of(export));
        runner.runAll();

        assertThat(failing.problemProperty().get())
                .isEqualTo("The check stopped for a reason TLS Doctor did not expect; the details are in the log."
                        + " Nothing was changed. Try again, and if it happens again, save a support bundle (it holds"
                        + " the log) and attach it to your ticket.");
        assertThat(failing.runningProperty().get()).isFalse();
    }

    private RegistryStepViewModel step(DirectTaskRunner runner) {
        return new RegistryStepViewModel(
                new RegistrySources() {
                    @Override
                    public Optional<RegistrySource> live() {
                        return Optional.empty();
                    }

                    @Override
                    public RegistrySource fromFiles(List<Path> files) {
                        return new RegFileSource(files);
                    }
                },
                runner,
                new I18n(Locale.ENGLISH),
                session);
    }
}
