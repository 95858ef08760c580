package io.tlsdoctor.ui.step.fix;

import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeNotes;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanner;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.LocalizedText;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step "Fix": the plan for what the registry check found, as a table to review; save it as .reg, apply it (on the
 * server, elevated, after an explicit yes) or rehearse it on a copy of the export; then the verified result and Undo.
 */
public final class FixStepViewModel implements StepModel {

    /** How the result line should look. */
    public enum OutcomeKind {
        NONE,
        SUCCESS,
        NOTHING,
        FAILED
    }

    private final FixRunner runner;
    private final RegistrySources sources;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final DiagnosisSession session;
    private final Clock clock;

    // Properties
    private final ReadOnlyObjectWrapper<FixPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<ApplyResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<OutcomeKind> outcomeKind =
            new ReadOnlyObjectWrapper<>(this, "outcomeKind", OutcomeKind.NONE);
    private final ObservableList<String> resultLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> rehearsalFile = new ReadOnlyObjectWrapper<>(this, "rehearsalFile");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    /** True after a change that wrote something, until it is undone. */
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(this, "undoable");
    /** True while a live apply or undo waits for the elevated helper (the UAC prompt, then the helper itself). */
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    /** What waiting, or having stopped waiting, means: said plainly, because the helper is not stopped. */
    private final ReadOnlyStringWrapper waitNote = new ReadOnlyStringWrapper(this, "waitNote", "");
    /** The user stopped waiting: the registry may still change, so it can be read again. */
    private final ReadOnlyBooleanWrapper stoppedWaiting = new ReadOnlyBooleanWrapper(this, "stoppedWaiting");

    private final BooleanBinding canApply;
    private final BooleanBinding canUndo;
    private final BooleanBinding hasExports;
    private final BooleanBinding canRehearse;

    private TaskRunner.Running liveWork;
    /** Whether the wait the user stopped was for an undo (the values read again are then compared the other way). */
    private boolean stoppedWasUndo;
    /** The plan the stopped wait was for: what a read-again is compared with, even after the step planned afresh. */
    private FixPlan awaitedPlan;
    /** Shows the registry as read again after a stopped wait (kept so a language switch or a new plan redraws it). */
    private Runnable rereadShown;

    private Path lastBackup;
    private boolean lastWasLive;
    /** What the shown result was done to. */
    private Target resultTarget = Target.SERVER;

    private boolean resultWasUndo;

    /**
     * @param sources where the registry is read again after the user stopped waiting for the elevated helper (on
     *                the server, the live registry)
     */
    public FixStepViewModel(
            FixRunner runner,
            RegistrySources sources,
            TaskRunner tasks,
            I18n i18n,
            DiagnosisSession session,
            Clock clock) {
        this.runner = runner;
        this.sources = sources;
        this.tasks = tasks;
        this.i18n = i18n;
        this.session = session;
        this.clock = clock;
        canApply = Bindings.createBooleanBinding(
                () -> plan.get() != null
                        && !plan.get().isBlocked()
                        && !plan.get().changes().isEmpty()
                        && !running.get(),
                plan,
                running);
        hasExports = Bindings.isNotEmpty(session.registryExports());
        canRehearse = canApply.and(hasExports);
        canUndo = Bindings.createBooleanBinding(() -> undoable.get() && !running.get(), undoable, running);
        i18n.messagesProperty().addListener((obs, old, value) -> show());
    }

    // == StepModel ==

    @Override
    public List<CheckKind> checks() {
        return List.of(CheckKind.FIX);
    }

    @Override
    public String titleKey() {
        return "step.fix.title";
    }

    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return running;
    }

    /** Plans afresh from what the registry check judged last. */
    @Override
    public void onEnter() {
        RegistrySnapshot snapshot = session.registrySnapshotProperty().get();
        RegistryReport report = session.registryReportProperty().get();
        plan.set(
                snapshot == null || report == null
                        ? null
                        : new FixPlanner(clock)
                                .plan(
                                        snapshot,
                                        report,
                                        session.directionProperty().get(),
                                        FixPlan.Kind.ENABLE_TLS12));
        show();
    }

    // == Properties ==

    public boolean isLiveAvailable() {
        return runner.liveAvailable();
    }

    public ReadOnlyObjectProperty<FixPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ObservableList<PlanRow> rows() {
        return rows;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OutcomeKind> outcomeKindProperty() {
        return outcomeKind.getReadOnlyProperty();
    }

    /** Value by value: written, already set, restored, left as it was. */
    public ObservableList<String> resultLines() {
        return resultLines;
    }

    public ReadOnlyObjectProperty<Path> rehearsalFileProperty() {
        return rehearsalFile.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** The check read .reg exports, so there is a copy to rehearse on (follows the registry step). */
    public BooleanBinding hasExportsProperty() {
        return hasExports;
    }

    public BooleanBinding canRehearseProperty() {
        return canRehearse;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    /** A live change waits for the elevated helper: "Stop waiting" is offered. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitNoteProperty() {
        return waitNote.getReadOnlyProperty();
    }

    /** The user stopped waiting for the helper: "Read the registry again" is offered. */
    public ReadOnlyBooleanProperty stoppedWaitingProperty() {
        return stoppedWaiting.getReadOnlyProperty();
    }

    /** What the confirmation asks before anything is written. */
    public String applyQuestion(boolean live) {
        int count = plan.get() == null ? 0 : plan.get().changes().size();
        return live ? i18n.get("step.fix.confirm.live", count) : i18n.get("step.fix.confirm.rehearse", count);
    }

    /** The export a rehearsal copies: the one that holds SCHANNEL, else the first. */
    public Path rehearsalSource() {
        List<Path> exports = session.registryExports();
        return exports.stream()
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains("schannel"))
                .findFirst()
                .orElse(exports.isEmpty() ? null : exports.get(0));
    }

    // == Commands ==

    /** Writes the plan as a .reg file an admin can read and import by hand. */
    public void saveReg(Path file) {
        FixPlan current = plan.get();
        if (current == null) {
            return;
        }
        String comment = i18n.get("step.fix.reg.comment");
        run(
                () -> {
                    Files.write(file, RegFileText.bytes(RegFileText.forPlan(current, comment)));
                    return null;
                },
                i18n.get("step.fix.progress.save"),
                () -> progress.set(i18n.get("step.fix.saved", file.toString())),
                Target.SERVER,
                false);
    }

    /** Changes the live registry (elevated). Only after the user said yes. */
    public void applyLive() {
        FixPlan current = plan.get();
        lastWasLive = true;
        runLive(() -> runner.applyLive(current), i18n.get("step.fix.progress.apply"), true);
    }

    /** Applies the plan to a copy of the server's export, leaving the export itself (and the server) as it was. */
    public void rehearse() {
        FixPlan current = plan.get();
        Path source = rehearsalSource();
        if (current == null || source == null) {
            return;
        }
        Path copy = source.resolveSibling(stem(source) + "-after-fix.reg");
        lastWasLive = false;
        run(
                () -> {
                    Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return runner.applyToFile(current, copy);
                },
                i18n.get("step.fix.progress.rehearse"),
                () -> rehearsalFile.set(copy),
                Target.REHEARSAL,
                true);
    }

    public void undo() {
        Path backup = lastBackup;
        Path copy = rehearsalFile.get();
        boolean live = lastWasLive;
        if (backup == null) {
            return;
        }
        if (live) {
            runLive(() -> runner.undoLive(backup), i18n.get("step.fix.progress.undo"), false);
        } else {
            run(
                    () -> runner.undoOnFile(backup, copy),
                    i18n.get("step.fix.progress.undo"),
                    null,
                    Target.REHEARSAL,
                    false);
        }
    }

    /**
     * Stops waiting for the elevated helper. Neither a UAC prompt still open nor a helper already running can be
     * taken back from here, so nothing is said to have changed or not: the registry is read again and shown as it is.
     */
    public void stopWaiting() {
        TaskRunner.Running work = liveWork;
        if (work != null && waiting.get()) {
            work.cancel(); // interrupts the wait (Elevation's Outcome.waitCancelled); its result is no longer shown
        }
    }

    /** Reads the registry again after the user stopped waiting: what it holds now, not what TLS Doctor hoped. */
    public void readRegistryAgain() {
        FixPlan planned = awaitedPlan;
        java.util.Optional<RegistrySource> live = sources.live();
        if (live.isEmpty() || planned == null) {
            return;
        }
        progress.set(i18n.get("step.fix.progress.reread"));
        RegistrySource source = live.get();
        tasks.run(
                running,
                source::collect,
                snapshot -> {
                    progress.set("");
                    session.recordRegistry(snapshot, new RegistryEvaluator().evaluate(snapshot), List.of());
                    result.set(null); // what was shown before is not what the registry holds now
                    rereadShown = () -> showReread(planned, snapshot);
                    onEnter(); // planned afresh from what the registry holds: what is left to change, if anything
                },
                failure -> progress.set(
                        failure instanceof UserFacingException refused
                                ? i18n.get(refused.messageKey(), refused.args()) + " "
                                        + i18n.get("step.fix.reread.lookWithRegedit")
                                : i18n.get("step.fix.reread.failed")));
    }

    /** A change on the server through the elevated helper, with "Stop waiting" offered while it runs. */
    private void runLive(java.util.concurrent.Callable<ApplyResult> work, String message, boolean isChange) {
        waiting.set(true);
        stoppedWaiting.set(false);
        rereadShown = null;
        awaitedPlan = plan.get();
        waitNote.set(i18n.get("step.fix.waiting"));
        liveWork = null;
        TaskRunner.Running started = run(work, message, () -> endWait(), Target.SERVER, isChange, () -> {
            endWait();
            stoppedWaiting(!isChange);
        });
        if (waiting.get()) {
            liveWork = started; // a direct runner may already have finished it
        }
    }

    private void endWait() {
        waiting.set(false);
        liveWork = null;
        waitNote.set("");
    }

    private void stoppedWaiting(boolean undo) {
        progress.set("");
        stoppedWasUndo = undo;
        stoppedWaiting.set(true);
        waitNote.set(i18n.get("step.fix.waitStopped"));
        readRegistryAgain();
    }

    /** The planned values as the registry holds them now, counted against what the plan sets. */
    private void showReread(FixPlan planned, RegistrySnapshot snapshot) {
        int set = 0;
        for (PlannedChange change : planned.changes()) {
            RegistryValue now = snapshot.value(
                    change.location().keyPath(), change.location().name());
            if (now != null
                    && now.isDword()
                    && java.util.Objects.equals(now.number(), change.target().number())) {
                set++;
            }
            resultLines.add(i18n.get("step.fix.reread.line", change.location().toString(), valueText(now, true)));
        }
        int all = planned.changes().size();
        String state = set == all ? "allSet" : set == 0 ? "noneSet" : "someSet";
        outcome.set(i18n.get(
                "step.fix.reread." + (stoppedWasUndo ? "undo." : "") + state, set, all, runner.liveBackupsFolder()));
        outcomeKind.set(OutcomeKind.NOTHING);
    }

    /** What a result was done to: the server, or a copy of its export (which changes nothing on the server). */
    private enum Target {
        SERVER,
        REHEARSAL
    }

    private void run(
            java.util.concurrent.Callable<ApplyResult> work,
            String message,
            Runnable onDone,
            Target target,
            boolean isChange) {
        run(work, message, onDone, target, isChange, () -> progress.set(""));
    }

    private TaskRunner.Running run(
            java.util.concurrent.Callable<ApplyResult> work,
            String message,
            Runnable onDone,
            Target target,
            boolean isChange,
            Runnable cancelled) {
        progress.set(message);
        running.set(true);
        return tasks.run(
                work,
                value -> {
                    running.set(false);
                    progress.set("");
                    if (onDone != null) {
                        onDone.run();
                    }
                    if (value != null && ELEVATED_WAIT_STOPPED.equals(value.problemKey())) {
                        cancelled.run(); // the wait ended by an interrupt the runner did not report as a cancel
                        return;
                    }
                    if (value != null) {
                        result.set(value);
                        resultTarget = target;
                        resultWasUndo = !isChange;
                        if (isChange && value.backupFolder() != null) {
                            lastBackup = value.backupFolder();
                        }
                        if (value.outcome() == ApplyResult.Outcome.APPLIED) {
                            undoable.set(isChange);
                        }
                        if (target == Target.SERVER) {
                            session.recordChange(value);
                        } else {
                            session.recordRehearsal(value);
                        }
                        show();
                    }
                },
                failure -> {
                    running.set(false);
                    if (waiting.get()) {
                        endWait();
                    }
                    progress.set(i18n.get("step.fix.error")); // the exception is in the log (FxTaskRunner)
                },
                () -> {
                    running.set(false);
                    cancelled.run();
                });
    }

    /** The problem an elevated run reports when its wait was interrupted (ElevatedFixRun). */
    private static final String ELEVATED_WAIT_STOPPED = "fix.apply.waitCancelled";

    // == Presentation ==

    private void show() {
        Locale locale = i18n.locale();
        FixPlan current = plan.get();
        rows.clear();
        notes.clear();
        if (current == null) {
            summary.set(i18n.get("step.fix.summary.noCheck"));
        } else if (current.isBlocked()) {
            summary.set(i18n.get("step.fix.summary.blocked"));
            current.blockers().forEach(b -> notes.add(b.in(locale)));
        } else if (current.changes().isEmpty()) {
            summary.set(i18n.get("step.fix.summary.nothing"));
        } else {
            // off the server no "yes" here changes it: the summary must not promise one
            summary.set(i18n.get(
                    runner.liveAvailable() ? "step.fix.summary.changes" : "step.fix.summary.changes.offline",
                    current.changes().size()));
        }
        if (current != null) {
            // the symptom's own fix first (SChannel TLS 1.2), then the hardening Microsoft recommends beside it (.NET)
            List<PlannedChange> ordered = new java.util.ArrayList<>(current.changes());
            ordered.sort(java.util.Comparator.comparing(change -> !isSchannelFix(change)));
            for (PlannedChange change : ordered) {
                rows.add(new PlanRow(
                        i18n.get(isSchannelFix(change) ? "step.fix.part.fix" : "step.fix.part.hardening"),
                        change.location().toString(),
                        valueText(change.current(), change.currentKnown()),
                        change.target().display(),
                        change.why().in(locale)));
            }
            for (LocalizedText note : current.notes()) {
                notes.add(note.in(locale));
            }
        }
        showResult();
    }

    private void showResult() {
        ApplyResult value = result.get();
        resultLines.clear();
        if (value == null && rereadShown != null) {
            rereadShown.run();
            return;
        }
        if (value == null) {
            outcome.set("");
            outcomeKind.set(OutcomeKind.NONE);
            return;
        }
        String where = value.store();
        String backup =
                value.backupFolder() == null ? "-" : value.backupFolder().toString();
        // a rehearsal is worded as one: it wrote a copy, and the server still needs the fix and a restart
        String text = resultTarget == Target.REHEARSAL
                ? i18n.get(
                        resultWasUndo && value.outcome() == ApplyResult.Outcome.APPLIED
                                ? "step.fix.rehearsalUndone"
                                : "step.fix.rehearsed." + value.outcome(),
                        where,
                        backup)
                : i18n.get("cli.fix.outcome." + value.outcome(), where, backup);
        if (value.problemKey() != null) {
            text += " " + i18n.get(value.problemKey(), value.problemArgs().toArray());
        }
        // where the full backup is and how to import it, and whether the audit trail has the change
        for (String note : ChangeNotes.of(value, resultTarget == Target.SERVER, i18n.messages())) {
            text += "\n" + note;
        }
        outcome.set(text);
        outcomeKind.set(
                switch (value.outcome()) {
                    case APPLIED -> OutcomeKind.SUCCESS;
                    case NOTHING_TO_DO -> OutcomeKind.NOTHING;
                    default -> OutcomeKind.FAILED;
                });
        for (ChangeResult change : value.changes()) {
            resultLines.add(i18n.get(
                    "step.fix.result.line",
                    i18n.get("cli.fix.state." + change.state()),
                    change.location().toString(),
                    valueText(change.before(), true),
                    valueText(change.after(), true)));
        }
    }

    private String valueText(RegistryValue value, boolean known) {
        if (!known) {
            return i18n.get("cli.fix.value.unknown");
        }
        return value == null ? i18n.get("cli.fix.value.absent") : value.display();
    }

    /** SChannel's TLS 1.2 values are what the support article changes; the rest (.NET) is hardening for Exchange. */
    static boolean isSchannelFix(PlannedChange change) {
        return change.location().keyPath().toUpperCase(Locale.ROOT).contains("\\SCHANNEL\\PROTOCOLS\\");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
