package io.tlsdoctor.ui.step.diagnosis;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.EvidenceLink;
import io.tlsdoctor.core.diagnosis.Statement;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step "Diagnosis": judges everything the checks collected (in a task, each time the step is entered, since the
 * user may have gone back and checked more) and shows the cause, how sure it is, the chain of evidence with any
 * contradiction, and the next steps; when the cause is this server's SChannel settings it offers the way into Fix.
 */
public final class DiagnosisStepViewModel implements StepModel {

    private final Function<CaseFile, Conclusion> engine;
    private final CaseFileAssembler assembler;
    /** Judging: a newer request (evidence changed meanwhile) replaces the one running, and only its conclusion is kept. */
    private final LatestTask judgements;

    private final I18n i18n;
    private final DiagnosisSession session;
    private final Runnable openFix;

    // Properties
    private final ReadOnlyStringWrapper causeTitle = new ReadOnlyStringWrapper(this, "causeTitle", "");
    private final ReadOnlyStringWrapper confidence = new ReadOnlyStringWrapper(this, "confidence", "");
    private final ReadOnlyStringWrapper confidenceStyle = new ReadOnlyStringWrapper(this, "confidenceStyle", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper docs = new ReadOnlyStringWrapper(this, "docs", "");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<ChainItem> chain = FXCollections.observableArrayList();
    private final ObservableList<String> nextSteps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper fixOffered = new ReadOnlyBooleanWrapper(this, "fixOffered");
    private final ReadOnlyBooleanWrapper judging = new ReadOnlyBooleanWrapper(this, "judging");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);

    private CheckMode lastMode = CheckMode.OFFLINE;

    /**
     * @param engine  the diagnosis (pure: a case file in, a conclusion out)
     * @param openFix shows the Fix step (the wizard knows where it is)
     */
    public DiagnosisStepViewModel(
            Function<CaseFile, Conclusion> engine,
            CaseFileAssembler assembler,
            TaskRunner runner,
            I18n i18n,
            DiagnosisSession session,
            Runnable openFix) {
        this.engine = engine;
        this.assembler = assembler;
        this.judgements = new LatestTask(runner, judging);
        this.i18n = i18n;
        this.session = session;
        this.openFix = openFix;
        i18n.messagesProperty().addListener((obs, old, value) -> show());
    }

    @Override
    public String titleKey() {
        return "step.diagnosis.title";
    }

    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return judging;
    }

    @Override
    public void onEnter() {
        judge();
    }

    // == Properties ==

    public ReadOnlyStringProperty causeTitleProperty() {
        return causeTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confidenceProperty() {
        return confidence.getReadOnlyProperty();
    }

    /** {@code high}, {@code medium} or {@code low}: the view colours the badge by it. */
    public ReadOnlyStringProperty confidenceStyleProperty() {
        return confidenceStyle.getReadOnlyProperty();
    }

    /** Microsoft's documentation on how to fix the cause ("title – URL"), empty when there is none to point to. */
    public ReadOnlyStringProperty docsProperty() {
        return docs.getReadOnlyProperty();
    }

    /** The address in {@link #docsProperty()}, for the link. */
    public String docsAddress() {
        String text = docs.get();
        int at = text.indexOf("https://");
        return at < 0 ? "" : text.substring(at).strip();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Whether the checks ran on this server or on files from it: the reader must know which. */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** What went wrong while judging, empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<ChainItem> chain() {
        return chain;
    }

    public ObservableList<String> nextSteps() {
        return nextSteps;
    }

    public ReadOnlyBooleanProperty fixOfferedProperty() {
        return fixOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty judgingProperty() {
        return judging.getReadOnlyProperty();
    }

    // == Commands ==

    public void openFix() {
        if (fixOffered.get()) {
            openFix.run();
        }
    }

    /** Judges the case file as the steps left it; the conclusion is kept in the session for the summary. */
    public void judge() {
        // the old conclusion must not stand beside a failure or under evidence it was not drawn from
        session.recordConclusion(null);
        causeTitle.set("");
        chain.clear();
        nextSteps.clear();
        fixOffered.set(false);
        CaseFile collected = assembler.assemble(session);
        lastMode = CaseFileAssembler.modeOf(session);
        CheckMode mode = lastMode;
        problem.set("");
        judgements.run(
                () -> engine.apply(assembler.signed(collected, mode)),
                conclusion -> {
                    session.recordConclusion(conclusion);
                    show();
                },
                // judging reads nothing: a failure is a bug, its text is for the log
                failure -> problem.set(i18n.get("step.diagnosis.failed")));
    }

    // == Internals ==

    /** Words for the kept conclusion in the current language. */
    private void show() {
        Conclusion conclusion = session.conclusionProperty().get();
        mode.set(i18n.get("step.diagnosis.mode." + lastMode.name()));
        if (conclusion == null) {
            return;
        }
        String cause = "diagnosis.cause." + conclusion.cause().name();
        causeTitle.set(i18n.get(cause + ".title"));
        explanation.set(i18n.messages().has(cause + ".explanation") ? i18n.get(cause + ".explanation") : "");
        docs.set(i18n.messages().has(cause + ".docs") ? i18n.get(cause + ".docs") : "");
        confidence.set(
                i18n.get("step.diagnosis.confidence." + conclusion.confidence().name()));
        confidenceStyle.set(conclusion.confidence().name().toLowerCase(java.util.Locale.ROOT));
        List<ChainItem> items = conclusion.chain().stream().map(this::item).toList();
        chain.setAll(items);
        nextSteps.setAll(
                conclusion.nextSteps().stream().map(this::inWizardWords).toList());
        fixOffered.set(conclusion.registryFix());
    }

    private ChainItem item(EvidenceLink link) {
        return new ChainItem(
                link.bearing(),
                i18n.get("step.diagnosis.source." + link.source().name()),
                text(link.text()));
    }

    /** A next step as the wizard says it ("go back to …") where the bundles have that wording, else as the engine does. */
    private String inWizardWords(Statement statement) {
        String wizardKey = "wizard." + statement.key();
        return i18n.messages().has(wizardKey) ? i18n.get(wizardKey, statement.argArray()) : text(statement);
    }

    private String text(Statement statement) {
        return i18n.get(statement.key(), statement.argArray());
    }
}
