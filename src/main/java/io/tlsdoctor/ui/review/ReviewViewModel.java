package io.tlsdoctor.ui.review;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A saved summary opened read-only, so a senior colleague sees exactly what the junior admin saw: the document is
 * shown as it was worded then (its own language), with who made it, where and when; nothing can be changed or rerun.
 */
public final class ReviewViewModel {

    private final TaskRunner runner;
    private final I18n i18n;

    // Properties
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final ReadOnlyStringWrapper document = new ReadOnlyStringWrapper(this, "document", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    private DiagnosisSummary summary;

    public ReviewViewModel(TaskRunner runner, I18n i18n) {
        this.runner = runner;
        this.i18n = i18n;
        i18n.messagesProperty().addListener((obs, old, value) -> describeOrigin());
    }

    /** Who ran the checks, on which machine, when, and whether names were hidden. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** The summary as its author saw it (the ticket text). */
    public ReadOnlyStringProperty documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** Why the file could not be opened, empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the summary in a task; a file that is not one says so and how to get one. */
    public void open(Path file) {
        fileName.set(file.getFileName().toString());
        problem.set("");
        runner.run(
                loading,
                () -> {
                    DiagnosisSummary read = DiagnosisSummary.read(file);
                    return new Loaded(read, SummaryFormat.readable(read));
                },
                loaded -> {
                    summary = loaded.summary();
                    document.set(loaded.text());
                    describeOrigin();
                },
                failure -> {
                    summary = null;
                    document.set("");
                    origin.set("");
                    problem.set(
                            failure instanceof UserFacingException refused
                                    ? i18n.get(refused.messageKey(), refused.args())
                                    : i18n.get(
                                            "review.error.unexpected",
                                            IoProblem.argsForFile(file, failure).toArray()));
                });
    }

    private void describeOrigin() {
        if (summary == null || summary.context() == null) {
            return;
        }
        DiagnosisSummary.Context context = summary.context();
        String who = context.userName() == null ? i18n.get("review.unknown") : context.userName();
        String where = context.computerName() == null ? i18n.get("review.unknown") : context.computerName();
        origin.set(i18n.get(
                        "review.origin",
                        who,
                        where,
                        when(context.when()),
                        (context.mode() == null
                                ? i18n.get("review.unknown")
                                : i18n.get("step.diagnosis.mode." + context.mode())))
                + (summary.redacted() ? " " + i18n.get("review.redacted") : ""));
    }

    /** The time in the reader's own format; as written when it is not a time TLS Doctor wrote. */
    private String when(String written) {
        try {
            return i18n.dateTime(java.time.Instant.parse(written));
        } catch (RuntimeException e) {
            return written == null ? i18n.get("review.unknown") : written;
        }
    }

    private record Loaded(DiagnosisSummary summary, String text) {}
}
