package io.tlsdoctor.ui.support;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SupportBundle;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Save a support bundle" in the wizard: the logs, the backups and the case as it is now, in one .zip, redacted on
 * request. The case is summarised at the moment of saving, so a bundle saved at the probe step already holds what
 * the earlier steps found.
 */
public final class SupportBundleViewModel {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

    /** Writes the bundle with this computer's logs and backups; the file dialog has already asked about replacing. */
    @FunctionalInterface
    public interface Writer {
        SupportBundle.Written write(DiagnosisSummary summary, boolean redact, Path target) throws UserFacingException;
    }

    private final TaskRunner runner;
    private final I18n i18n;
    private final Writer writer;
    private final Supplier<Optional<Callable<DiagnosisSummary>>> currentCase;
    private final Clock clock;

    // Properties
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    /**
     * @param currentCase called on the FX thread: the work that summarises the case as it is now (run in the
     *                    background), or empty when nothing was entered yet
     */
    public SupportBundleViewModel(
            TaskRunner runner,
            I18n i18n,
            Writer writer,
            Supplier<Optional<Callable<DiagnosisSummary>>> currentCase,
            Clock clock) {
        this.runner = runner;
        this.i18n = i18n;
        this.writer = writer;
        this.currentCase = currentCase;
        this.clock = clock;
        redact.addListener(
                (obs, old, value) -> status.set("")); // "Saved to C:\Users\anna\…" would show what redaction hides
    }

    /** Replace host names, domains, addresses and user names with placeholders in every file of the bundle. */
    public BooleanProperty redactProperty() {
        return redact;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** {@code tls-doctor-support-2026-12-03-1304.zip}. */
    public String suggestedFileName() {
        return "tls-doctor-support-" + FILE_TIME.format(clock.instant().atZone(ZoneId.systemDefault())) + ".zip";
    }

    /** Saves the bundle to {@code target} in the background; the outcome is in {@link #statusProperty()}. */
    public void save(Path target) {
        if (working.get()) {
            return;
        }
        Path file = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                ? target
                : target.resolveSibling(target.getFileName() + ".zip");
        boolean redacted = redact.get();
        Optional<Callable<DiagnosisSummary>> summarise = currentCase.get();
        status.set(i18n.get("bundle.working"));
        runner.run(
                working,
                () -> {
                    DiagnosisSummary summary =
                            summarise.isPresent() ? summarise.get().call() : null;
                    writer.write(summary, redacted, file);
                    return summary != null;
                },
                withCase -> status.set(
                        redacted
                                ? i18n.get("bundle.savedRedacted", String.valueOf(file.getFileName()))
                                : i18n.get(
                                        "bundle.saved", file.toString(), withCase ? i18n.get("bundle.withCase") : "")),
                failure -> status.set(
                        failure instanceof UserFacingException refused
                                ? i18n.get(refused.messageKey(), refused.args())
                                : i18n.get(
                                        "bundle.failed",
                                        IoProblem.argsFor(file, failure).toArray())));
    }
}
