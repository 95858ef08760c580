package io.tlsdoctor.ui.step.summary;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryBuilder;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Step "Summary": the document the helpdesk keeps. Builds it from the case file and the diagnosis (in a task),
 * previews it as the text that goes into a ticket, redacts it on request (every format follows the preview), and
 * saves it as HTML, Markdown or JSON.
 */
public final class SummaryStepViewModel implements StepModel {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

    private final SummaryBuilder builder;
    private final Function<CaseFile, Conclusion> engine;
    private final CaseFileAssembler assembler;
    private final TaskRunner runner;
    /** Redacting and rendering the preview: the latest request wins. */
    private final LatestTask presenting;

    private final I18n i18n;
    private final DiagnosisSession session;
    private final Clock clock;

    // Properties
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    /** Building or saving: the wizard waits for either. */
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(this, "building");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    /** The answer to "Did this fix your problem?": null before one. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Boolean> fixed =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "fixed");

    private final ReadOnlyStringWrapper followUp = new ReadOnlyStringWrapper(this, "followUp", "");

    /** The summary as built, unredacted; what is shown and saved is this or its redacted copy. */
    private DiagnosisSummary built;

    private DiagnosisSummary shown;
    /** Building: a newer request (the session changed, or the language) replaces the one running; the latest wins. */
    private final LatestTask builds;
    /** Asked to build while a save ran: built once the save is done. */
    private boolean rebuildPending;

    public SummaryStepViewModel(
            SummaryBuilder builder,
            Function<CaseFile, Conclusion> engine,
            CaseFileAssembler assembler,
            TaskRunner runner,
            I18n i18n,
            DiagnosisSession session,
            Clock clock) {
        this.builder = builder;
        this.engine = engine;
        this.assembler = assembler;
        this.runner = runner;
        this.presenting = new LatestTask(runner, null);
        this.builds = new LatestTask(runner, building);
        working.bind(building.or(saving));
        this.i18n = i18n;
        this.session = session;
        this.clock = clock;
        redact.addListener((obs, old, value) -> {
            status.set(""); // a "Saved to C:\Users\anna\…" line would show what redaction hides
            present();
        });
        i18n.messagesProperty().addListener((obs, old, value) -> {
            if (fixed.get() != null) {
                answerFixed(fixed.get());
            }
            if (built != null || building.get()) {
                build(); // the summary is worded in one language: word it again (after a running save)
            }
        });
    }

    @Override
    public String titleKey() {
        return "step.summary.title";
    }

    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return working;
    }

    @Override
    public void onEnter() {
        build();
    }

    // == Properties ==

    /** Replace host names, domains, addresses and user names with placeholders in the preview and every saved file. */
    public BooleanProperty redactProperty() {
        return redact;
    }

    /** The summary as readable text (no markup), exactly what Copy puts on the clipboard. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A summary has been built and can be saved or copied. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** What to do after the answer to "Did this fix your problem?"; empty before one. */
    public ReadOnlyStringProperty followUpProperty() {
        return followUp.getReadOnlyProperty();
    }

    // == Commands ==

    /** The closing question, as Microsoft's own guided tools ask it: what next depends on the answer. */
    public void answerFixed(boolean yes) {
        fixed.set(yes);
        followUp.set(i18n.get(yes ? "step.summary.fixed.thanks" : "step.summary.fixed.next"));
    }

    /** A file name to suggest when saving, e.g. {@code tls-doctor-EX01-2026-11-27-0930.html}. */
    public String suggestedFileName(SaveFormat format) {
        String time = FILE_TIME.format(clock.instant().atZone(ZoneId.systemDefault()));
        String computer = shown == null || shown.context() == null
                ? null
                : shown.context().computerName();
        String name = computer == null || computer.isBlank()
                ? "tls-doctor-" + time
                : "tls-doctor-" + computer.replaceAll("[^A-Za-z0-9-]", "_") + "-" + time;
        return name + "." + format.format().extension();
    }

    /** The text Copy puts on the clipboard: the preview. */
    public String textToCopy() {
        status.set(i18n.get("step.summary.copied"));
        return preview.get();
    }

    /**
     * Saves the summary as shown (redacted or not) to {@code file}, in the format its name says; a name without a
     * known extension gets {@code fallback}'s.
     */
    public void save(Path file, SaveFormat fallbackFormat) {
        SummaryFormat fallback = fallbackFormat.format();
        if (shown == null || working.get()) {
            return;
        }
        Path target = file;
        SummaryFormat format;
        try {
            format = SummaryFormat.forFileName(file.getFileName().toString());
        } catch (UserFacingException e) {
            format = fallback;
            target = file.resolveSibling(file.getFileName() + "." + fallback.extension());
        }
        DiagnosisSummary summary = shown;
        SummaryFormat chosen = format;
        Path destination = target;
        runner.run(
                saving,
                () -> {
                    chosen.write(summary, destination); // through a temporary file: a failed save leaves no half file
                    return destination;
                },
                saved -> {
                    status.set(
                            summary.redacted()
                                    ? i18n.get("step.summary.savedName", String.valueOf(saved.getFileName()))
                                    : i18n.get("step.summary.saved", saved.toString()));
                    rebuildIfPending();
                },
                failure -> {
                    status.set(
                            failure instanceof UserFacingException refused
                                    ? i18n.get(refused.messageKey(), refused.args())
                                    : i18n.get(
                                            "step.summary.saveFailed",
                                            IoProblem.argsFor(destination, failure)
                                                    .toArray()));
                    rebuildIfPending();
                });
    }

    /** Builds the summary from what the steps collected (the diagnosis from its step, else judged here). */
    public void build() {
        if (saving.get()) {
            rebuildPending = true; // the save writes what is shown; the new summary follows it
            return;
        }
        CaseFile collected = assembler.assemble(session);
        CheckMode mode = CaseFileAssembler.modeOf(session);
        Conclusion judged = session.conclusionProperty().get();
        var messages = i18n.messages();
        status.set(i18n.get("step.summary.building"));
        builds.run(
                () -> {
                    CaseFile caseFile = assembler.signed(collected, mode);
                    Conclusion conclusion = judged != null ? judged : engine.apply(caseFile);
                    return builder.build(caseFile, conclusion, messages);
                },
                summary -> {
                    built = summary;
                    status.set("");
                    present();
                },
                // building is computing, not reading or writing: a failure is a bug, its text is for the log
                failure -> status.set(i18n.get("step.summary.failed")));
    }

    // == Internals ==

    private void rebuildIfPending() {
        if (rebuildPending && !saving.get()) {
            rebuildPending = false;
            build();
        }
    }

    private record Shown(DiagnosisSummary summary, String text) {}

    /** Redacts (when asked) and renders the preview off the FX thread: transcripts can be long. */
    private void present() {
        DiagnosisSummary source = built;
        if (source == null) {
            return;
        }
        boolean redacted = redact.get();
        ready.set(false);
        presenting.run(
                () -> {
                    DiagnosisSummary summary = redacted ? source.redact() : source;
                    return new Shown(summary, SummaryFormat.readable(summary));
                },
                result -> { // the latest toggle or build wins: an older rendering that ends later is dropped
                    shown = result.summary();
                    preview.set(result.text());
                    ready.set(true);
                },
                failure -> status.set(i18n.get("step.summary.failed")));
    }
}
