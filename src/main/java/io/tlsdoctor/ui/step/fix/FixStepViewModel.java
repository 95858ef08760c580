package io.tlsdoctor.ui.step.fix;

import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanner;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.LocalizedText;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import java.util.List;
import java.util.Locale;

/**
 * Step "Fix": the plan for what the registry check found, as a table to review; save it as .reg, apply it (on the
 * server, elevated, after an explicit yes) or rehearse it on a copy of the export; then the verified result and Undo.
 */
public final class FixStepViewModel implements StepModel {

    /** How the result line should look. */
    public enum OutcomeKind { NONE, SUCCESS, NOTHING, FAILED }

    private final FixRunner runner;
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
    private final ReadOnlyObjectWrapper<OutcomeKind> outcomeKind = new ReadOnlyObjectWrapper<>(this, "outcomeKind", OutcomeKind.NONE);
    private final ObservableList<String> resultLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> rehearsalFile = new ReadOnlyObjectWrapper<>(this, "rehearsalFile");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    /** True after a change that wrote something, until it is undone. */
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(this, "undoable");
    private final BooleanBinding canApply;
    private final BooleanBinding canUndo;
    private final BooleanBinding hasExports;
    private final BooleanBinding canRehearse;

    private Path lastBackup;
    private boolean lastWasLive;
    /** What the shown result was done to. */
    private Target resultTarget = Target.SERVER;
    private boolean resultWasUndo;

    public FixStepViewModel(FixRunner runner, TaskRunner tasks, I18n i18n, DiagnosisSession session, Clock clock) {
        this.runner = runner;
        this.tasks = tasks;
        this.i18n = i18n;
        this.session = session;
        this.clock = clock;
        canApply = Bindings.createBooleanBinding(() -> plan.get() != null && !plan.get().isBlocked()
                && !plan.get().changes().isEmpty() && !running.get(), plan, running);
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
        plan.set(snapshot == null || report == null ? null
                : new FixPlanner(clock).plan(snapshot, report, session.directionProperty().get(), FixPlan.Kind.ENABLE_TLS12));
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

    /** What the confirmation asks before anything is written. */
    public String applyQuestion(boolean live) {
        int count = plan.get() == null ? 0 : plan.get().changes().size();
        return live ? i18n.get("step.fix.confirm.live", count) : i18n.get("step.fix.confirm.rehearse", count);
    }

    /** The export a rehearsal copies: the one that holds SCHANNEL, else the first. */
    public Path rehearsalSource() {
        List<Path> exports = session.registryExports();
        return exports.stream().filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains("schannel"))
                .findFirst().orElse(exports.isEmpty() ? null : exports.get(0));
    }

    // == Commands ==

    /** Writes the plan as a .reg file an admin can read and import by hand. */
    public void saveReg(Path file) {
        FixPlan current = plan.get();
        if (current == null) {
            return;
        }
        String comment = i18n.get("step.fix.reg.comment");
        run(() -> {
            Files.write(file, RegFileText.bytes(RegFileText.forPlan(current, comment)));
            return null;
        }, i18n.get("step.fix.progress.save"), () -> progress.set(i18n.get("step.fix.saved", file.toString())), Target.SERVER, false);
    }

    /** Changes the live registry (elevated). Only after the user said yes. */
    public void applyLive() {
        FixPlan current = plan.get();
        lastWasLive = true;
        run(() -> runner.applyLive(current), i18n.get("step.fix.progress.apply"), null, Target.SERVER, true);
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
        run(() -> {
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return runner.applyToFile(current, copy);
        }, i18n.get("step.fix.progress.rehearse"), () -> rehearsalFile.set(copy), Target.REHEARSAL, true);
    }

    public void undo() {
        Path backup = lastBackup;
        Path copy = rehearsalFile.get();
        boolean live = lastWasLive;
        if (backup == null) {
            return;
        }
        run(() -> live ? runner.undoLive(backup) : runner.undoOnFile(backup, copy), i18n.get("step.fix.progress.undo"), null,
                live ? Target.SERVER : Target.REHEARSAL, false);
    }

    /** What a result was done to: the server, or a copy of its export (which changes nothing on the server). */
    private enum Target { SERVER, REHEARSAL }

    private void run(java.util.concurrent.Callable<ApplyResult> work, String message, Runnable onDone, Target target, boolean isChange) {
        progress.set(message);
        tasks.run(running, work, value -> {
            progress.set("");
            if (onDone != null) {
                onDone.run();
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
        }, failure -> progress.set(i18n.get("step.fix.error", String.valueOf(failure.getMessage()))));
    }

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
            summary.set(i18n.get(runner.liveAvailable() ? "step.fix.summary.changes" : "step.fix.summary.changes.offline",
                    current.changes().size()));
        }
        if (current != null) {
            // the symptom's own fix first (SChannel TLS 1.2), then the hardening Microsoft recommends beside it (.NET)
            List<PlannedChange> ordered = new java.util.ArrayList<>(current.changes());
            ordered.sort(java.util.Comparator.comparing(change -> !isSchannelFix(change)));
            for (PlannedChange change : ordered) {
                rows.add(new PlanRow(i18n.get(isSchannelFix(change) ? "step.fix.part.fix" : "step.fix.part.hardening"),
                        change.location().toString(), valueText(change.current(), change.currentKnown()),
                        change.target().display(), change.why().in(locale)));
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
        if (value == null) {
            outcome.set("");
            outcomeKind.set(OutcomeKind.NONE);
            return;
        }
        String where = value.store();
        String backup = value.backupFolder() == null ? "-" : value.backupFolder().toString();
        // a rehearsal is worded as one: it wrote a copy, and the server still needs the fix and a restart
        String text = resultTarget == Target.REHEARSAL
                ? i18n.get(resultWasUndo && value.outcome() == ApplyResult.Outcome.APPLIED ? "step.fix.rehearsalUndone"
                        : "step.fix.rehearsed." + value.outcome(), where, backup)
                : i18n.get("cli.fix.outcome." + value.outcome(), where, backup);
        if (value.problemKey() != null) {
            text += " " + i18n.get(value.problemKey(), value.problemArgs().toArray());
        }
        outcome.set(text);
        outcomeKind.set(switch (value.outcome()) {
            case APPLIED -> OutcomeKind.SUCCESS;
            case NOTHING_TO_DO -> OutcomeKind.NOTHING;
            default -> OutcomeKind.FAILED;
        });
        for (ChangeResult change : value.changes()) {
            resultLines.add(i18n.get("step.fix.result.line", i18n.get("cli.fix.state." + change.state()), change.location().toString(),
                    valueText(change.before(), true), valueText(change.after(), true)));
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
