package io.tlsdoctor.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SupportBundle;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save a support bundle" in the wizard, without a toolkit: what is written and what the user is told. */
class SupportBundleViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T13:04:00Z"), ZoneId.of("UTC"));

    private final I18n i18n = new I18n(Languages.ENGLISH);
    private final List<String> writes = new ArrayList<>();

    private SupportBundleViewModel model(
            Optional<Callable<DiagnosisSummary>> currentCase, SupportBundleViewModel.Writer writer) {
        return new SupportBundleViewModel(DirectTaskRunner.immediate(), i18n, writer, () -> currentCase, CLOCK);
    }

    private SupportBundleViewModel.Writer recording() {
        return (summary, redact, target) -> {
            writes.add((summary == null ? "no case" : "case") + ", " + (redact ? "redacted" : "as is") + ", "
                    + target.getFileName());
            return new SupportBundle.Written(target, List.of("manifest.txt"), "");
        };
    }

    @Test
    void withoutACaseTheBundleIsSavedWithLogsAndBackupsAndSaysWhere() {
        SupportBundleViewModel model = model(Optional.empty(), recording());

        model.save(Path.of("/tmp/ticket-4711"));

        assertThat(writes).containsExactly("no case, as is, ticket-4711.zip");
        assertThat(model.statusProperty().get())
                .isEqualTo("Saved the support bundle " + Path.of("/tmp/ticket-4711.zip")
                        + ". It holds the logs, the backups and a manifest: attach it to your ticket.");
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void aRedactedBundleWithTheCaseNamesOnlyTheFileAndInSwedishWhenSwitched() {
        SupportBundleViewModel model = model(Optional.of(() -> null), recording());
        model.redactProperty().set(true);
        i18n.setLocale(Languages.SWEDISH);

        model.save(Path.of("/home/anna/bundle.zip"));

        assertThat(writes).containsExactly("no case, redacted, bundle.zip");
        assertThat(model.statusProperty().get())
                .isEqualTo("Sparade det anonymiserade supportpaketet bundle.zip. Bifoga det till ärendet.")
                .doesNotContain("anna");
    }

    @Test
    void aRefusedTargetIsTheBundlesOwnMessage() {
        SupportBundleViewModel model = model(Optional.empty(), (summary, redact, target) -> {
            throw new UserFacingException("bundle.error.denied", List.of(target.toString(), "/srv/share"), null);
        });

        model.save(Path.of("/srv/share/b.zip"));

        assertThat(model.statusProperty().get())
                .contains("you may not write to /srv/share", "Choose a folder of your own")
                .doesNotContain("Exception");
    }

    @Test
    void anUnexpectedFailureSaysSoAndPointsToTheLog() {
        SupportBundleViewModel model = model(
                Optional.of(() -> {
                    throw new IllegalStateException("catalogue missing");
                }),
                recording());

        model.save(Path.of("b.zip"));

        assertThat(writes).isEmpty();
        assertThat(model.statusProperty().get())
                .isEqualTo("Could not save the support bundle b.zip for a reason TLS Doctor did not expect; the"
                        + " details are in the log. Try again in another folder, and if it happens again, attach the"
                        + " log to your ticket (its folder opens from Help, Open the log folder).")
                .doesNotContain("catalogue missing");
    }

    @Test
    void aFolderThatIsAFileIsNamedWithTheWayOutInBothLanguages(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("Tickets"), "a file where the folder belongs");
        SupportBundleViewModel model = model(
                Optional.empty(),
                (summary, redact, target) -> new SupportBundle(CLOCK)
                        .write(new SupportBundle.Contents(List.of(), summary, List.of()), redact, target, false));

        model.save(notAFolder.resolve("b.zip"));

        assertThat(model.statusProperty().get())
                .isEqualTo("Could not save " + notAFolder.resolve("b.zip") + " because " + notAFolder
                        + " is a file, not a folder. Choose another folder, or move or rename that file.");
        i18n.setLocale(Languages.SWEDISH);
        model.save(notAFolder.resolve("b.zip"));
        assertThat(model.statusProperty().get())
                .startsWith("Kunde inte spara " + notAFolder.resolve("b.zip") + " eftersom " + notAFolder
                        + " är en fil, inte en mapp.")
                .doesNotContain("Not a directory")
                .doesNotContain("Exception");
    }

    @Test
    void theSuggestedNameCarriesTheTime() {
        assertThat(model(Optional.empty(), recording()).suggestedFileName())
                .isEqualTo("tls-doctor-support-2026-12-03-1304.zip");
    }
}
