package io.tlsdoctor.ui.step.summary;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryBuilder;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.BackgroundWork;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
    private final Executor executor;
    private final I18n i18n;
    private final DiagnosisSession session;
    private final Clock clock;

    // Properties
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);

    /** The summary as built, unredacted; what is shown and saved is this or its redacted copy. */
    private DiagnosisSummary built;
    private DiagnosisSummary shown;
    /** The language changed while a build or save ran. */
    private boolean rebuildPending;

    public SummaryStepViewModel(SummaryBuilder builder, Function<CaseFile, Conclusion> engine, CaseFileAssembler assembler,
                                Executor executor, I18n i18n, DiagnosisSession session, Clock clock) {
        this.builder = builder;
        this.engine = engine;
        this.assembler = assembler;
        this.executor = executor;
        this.i18n = i18n;
        this.session = session;
        this.clock = clock;
        redact.addListener((obs, old, value) -> {
            status.set(""); // a "Saved to C:\Users\anna\…" line would show what redaction hides
            present();
        });
        i18n.messagesProperty().addListener((obs, old, value) -> {
            if (working.get()) {
                rebuildPending = true; // words it again once the running build or save is done
            } else if (built != null) {
                build(); // the summary is worded in one language: word it again
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

    // == Commands ==

    /** A file name to suggest when saving, e.g. {@code tls-doctor-EX01-2026-11-27-0930.html}. */
    public String suggestedFileName(SummaryFormat format) {
        String time = FILE_TIME.format(clock.instant().atZone(ZoneId.systemDefault()));
        String computer = shown == null || shown.context() == null ? null : shown.context().computerName();
        String name = computer == null || computer.isBlank() ? "tls-doctor-" + time
                : "tls-doctor-" + computer.replaceAll("[^A-Za-z0-9-]", "_") + "-" + time;
        return name + "." + format.extension();
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
    public void save(Path file, SummaryFormat fallback) {
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
        BackgroundWork.run(executor, working, () -> {
            chosen.write(summary, destination); // through a temporary file: a failed save leaves no half file
            return destination;
        }, saved -> {
            status.set(summary.redacted() ? i18n.get("step.summary.savedName", String.valueOf(saved.getFileName()))
                    : i18n.get("step.summary.saved", saved.toString()));
            rebuildIfPending();
        }, failure -> {
            status.set(failure instanceof UserFacingException refused ? i18n.get(refused.messageKey(), refused.args())
                    : i18n.get("step.summary.saveFailed", destination.toString(), String.valueOf(failure.getMessage())));
            rebuildIfPending();
        });
    }

    /** Builds the summary from what the steps collected (the diagnosis from its step, else judged here). */
    public void build() {
        if (working.get()) {
            return;
        }
        CaseFile collected = assembler.assemble(session);
        CheckMode mode = CaseFileAssembler.modeOf(session);
        Conclusion judged = session.conclusionProperty().get();
        var messages = i18n.messages();
        status.set(i18n.get("step.summary.building"));
        BackgroundWork.run(executor, working, () -> {
            CaseFile caseFile = assembler.signed(collected, mode);
            Conclusion conclusion = judged != null ? judged : engine.apply(caseFile);
            return builder.build(caseFile, conclusion, messages);
        }, summary -> {
            built = summary;
            status.set("");
            present();
            rebuildIfPending();
        }, failure -> {
            status.set(i18n.get("step.summary.failed", String.valueOf(failure.getMessage())));
            rebuildIfPending();
        });
    }

    // == Internals ==

    private void rebuildIfPending() {
        if (rebuildPending && !working.get()) {
            rebuildPending = false;
            build();
        }
    }

    private record Shown(DiagnosisSummary summary, String text) {
    }

    /** Redacts (when asked) and renders the preview off the FX thread: transcripts can be long. */
    private void present() {
        DiagnosisSummary source = built;
        if (source == null) {
            return;
        }
        boolean redacted = redact.get();
        ready.set(false);
        BackgroundWork.run(executor, null, () -> {
            DiagnosisSummary summary = redacted ? source.redact() : source;
            return new Shown(summary, SummaryFormat.readable(summary));
        }, result -> {
            if (redact.get() != redacted || built != source) {
                return; // the toggle moved on meanwhile; its own task shows the answer
            }
            shown = result.summary();
            preview.set(result.text());
            ready.set(true);
        }, failure -> status.set(i18n.get("step.summary.failed", String.valueOf(failure.getMessage()))));
    }
}
