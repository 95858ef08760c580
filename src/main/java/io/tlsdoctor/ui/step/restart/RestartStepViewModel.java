package io.tlsdoctor.ui.step.restart;

import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.DiagnosisBookmark;
import io.tlsdoctor.core.diagnosis.Rehearsal;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.RestartScheduler;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.registry.Tls12;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step "Restart": SChannel reads its settings only at start-up. Shows why a restart is (or is not) needed, offers
 * now / in N minutes / cancel / later with a checklist, remembers the diagnosis across the restart, and checks again
 * afterwards to show before and after.
 */
public final class RestartStepViewModel implements StepModel {

    private final RestartScheduler restarts;
    private final RegistrySources sources;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DiagnosisSession session;
    private final Path bookmarkFile;
    private final Clock clock;

    // Properties
    private final ReadOnlyStringWrapper need = new ReadOnlyStringWrapper(this, "need", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper beforeAfter = new ReadOnlyStringWrapper(this, "beforeAfter", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    private final IntegerProperty minutes = new SimpleIntegerProperty(this, "minutes", 10);
    private final ObservableList<String> checklist = FXCollections.observableArrayList();

    /** The status and before/after lines as sentences, so they are said again when the language changes. */
    private java.util.function.Supplier<String> statusSaid = () -> "";

    private java.util.function.Supplier<String> beforeAfterSaid = () -> "";
    private DiagnosisBookmark bookmark;
    /** This window was opened again after the restart the bookmark was saved for (not merely remembered now). */
    private boolean resumed;
    /** TLS 1.2 per side as the fix found it: the "before" that every later check is compared with. */
    private Tls12 baseline;

    public RestartStepViewModel(
            RestartScheduler restarts,
            RegistrySources sources,
            TaskRunner runner,
            I18n i18n,
            DiagnosisSession session,
            Path bookmarkFile,
            Clock clock) {
        this.restarts = restarts;
        this.sources = sources;
        this.runner = runner;
        this.i18n = i18n;
        this.session = session;
        this.bookmarkFile = bookmarkFile;
        this.clock = clock;
        i18n.messagesProperty().addListener((obs, old, value) -> {
            describeNeed();
            status.set(statusSaid.get());
            beforeAfter.set(beforeAfterSaid.get());
            if (!checklist.isEmpty()) {
                checklist.setAll(
                        i18n.get("step.restart.checklist.reboot"),
                        i18n.get("step.restart.checklist.services"),
                        i18n.get("step.restart.checklist.cluster"),
                        i18n.get("step.restart.checklist.again"));
            }
        });
    }

    @Override
    public List<CheckKind> checks() {
        return List.of(CheckKind.RESTART);
    }

    @Override
    public String titleKey() {
        return "step.restart.title";
    }

    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return running;
    }

    @Override
    public void onEnter() {
        if (baseline == null && session.registryReportProperty().get() != null) {
            baseline = session.registryReportProperty().get().tls12();
        }
        describeNeed();
        if (liveChangeMade()) {
            remember(); // the admin may restart by other means; the check afterwards must still be offered
        }
    }

    // == Properties ==

    public boolean isRestartAvailable() {
        return restarts.available();
    }

    public ReadOnlyStringProperty needProperty() {
        return need.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Before: … After: …" once the check has run again. */
    public ReadOnlyStringProperty beforeAfterProperty() {
        return beforeAfter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public IntegerProperty minutesProperty() {
        return minutes;
    }

    /** What keeps old settings until the restart, for an admin who restarts later. */
    public ObservableList<String> checklist() {
        return checklist;
    }

    // == Commands ==

    public void restartIn(int inMinutes) {
        remember();
        String comment = i18n.get("cli.restart.comment");
        run(() -> restarts.restartIn(inMinutes, comment), result -> {
            sayStatus(() -> result.explanationKey() != null
                    ? i18n.get(result.explanationKey())
                    : result.succeeded()
                            ? i18n.get("cli.restart.scheduled", inMinutes)
                            : i18n.get("step.restart.failed", result.detail()));
            if (result.succeeded()) {
                publish(RestartState.Status.SCHEDULED, clock.instant().plus(Duration.ofMinutes(inMinutes)), null);
            }
        });
    }

    public void cancelRestart() {
        run(restarts::cancel, result -> {
            sayStatus(() -> result.explanationKey() != null
                    ? i18n.get(result.explanationKey())
                    : result.succeeded()
                            ? i18n.get("cli.restart.cancelled")
                            : i18n.get("step.restart.failed", result.detail()));
            if (result.succeeded()) {
                publish(RestartState.Status.NEEDED, null, null);
                describeNeed();
            }
        });
    }

    /** Restart later: keep the bookmark and show what to restart and why. */
    public void later() {
        checklist.setAll(
                i18n.get("step.restart.checklist.reboot"),
                i18n.get("step.restart.checklist.services"),
                i18n.get("step.restart.checklist.cluster"),
                i18n.get("step.restart.checklist.again"));
        if (!liveChangeMade() && sources.live().isEmpty()) {
            // nothing here was changed (at most a copy was): a bookmark would offer to check a restart that never
            // mattered
            sayStatus(() -> i18n.get("step.restart.notRemembered"));
            return;
        }
        remember();
        sayStatus(() -> i18n.get("step.restart.remembered"));
    }

    /**
     * Reads the settings again and shows them beside what they were. On the server that is the live registry, which
     * becomes the case's evidence. Elsewhere it is the rehearsed copy, read with the server's other exports: that is
     * the rehearsal's verification, shown beside the server's own settings, which stay the case's evidence.
     */
    public void checkAgain() {
        Optional<RegistrySource> live = sources.live();
        if (live.isPresent()) {
            checkLive(live.get());
            return;
        }
        Optional<Path> copy = rehearsedCopy();
        if (copy.isEmpty()) {
            sayBeforeAfter(() -> i18n.get("step.restart.nothingToCheck"));
            return;
        }
        RegistrySource rehearsed = sources.fromFiles(withCopy(session.registryExports(), copy.get()));
        Tls12 server = session.registryReportProperty().get() == null
                ? before()
                : session.registryReportProperty().get().tls12();
        runner.run(
                running,
                () -> new RegistryEvaluator().evaluate(rehearsed.collect()),
                report -> {
                    Tls12 after = report.tls12();
                    sayBeforeAfter(() -> i18n.get(
                            "step.restart.rehearsalVerified",
                            side(server == null ? null : server.client()),
                            side(server == null ? null : server.server()),
                            side(after.client()),
                            side(after.server())));
                    Rehearsal last = session.lastRehearsal();
                    if (last != null && copy.get().toString().equals(last.copy())) {
                        session.recordRehearsalVerified(after);
                    }
                },
                failure -> sayBeforeAfter(() -> checkFailed(failure)));
    }

    /** A read the user can act on says so in its own words (the file, the way out); anything else is a bug. */
    private String checkFailed(Throwable failure) {
        return failure instanceof UserFacingException refused
                ? i18n.get(refused.messageKey(), refused.args())
                : i18n.get("step.restart.checkFailed");
    }

    private void checkLive(RegistrySource source) {
        Tls12 before = before();
        runner.run(
                running,
                () -> new RegistryEvaluator().evaluate(source.collect()),
                report -> {
                    Tls12 after = report.tls12();
                    sayBeforeAfter(() -> i18n.get(
                            "step.restart.beforeAfter",
                            side(before == null ? null : before.client()),
                            side(before == null ? null : before.server()),
                            side(after.client()),
                            side(after.server())));
                    session.recordRegistryRechecked(report);
                    if (resumed) {
                        // opened again after the restart the bookmark was saved for: the settings now read are in
                        // effect
                        publish(RestartState.Status.DONE, null, after);
                        if (Boolean.TRUE.equals(after.client()) && Boolean.TRUE.equals(after.server())) {
                            DiagnosisBookmark.forget(bookmarkFile);
                        }
                    }
                },
                failure -> sayBeforeAfter(() -> checkFailed(failure)));
    }

    /**
     * The server's exports with the rehearsed copy in place of the export it was copied from: the copy alone holds
     * only that export, so without the others the Windows version and the .NET settings would read as unknown.
     */
    static List<Path> withCopy(List<Path> exports, Path copy) {
        List<Path> files = new java.util.ArrayList<>();
        boolean replaced = false;
        for (Path export : exports) {
            if (!replaced
                    && export.resolveSibling(stem(export) + "-after-fix.reg").equals(copy)) {
                files.add(copy);
                replaced = true;
            } else if (!export.equals(copy)) {
                files.add(export);
            }
        }
        if (!replaced) {
            files.add(copy);
        }
        return files;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** After a restart: what the diagnosis was, so the check can show before and after. */
    public void resumeFrom(DiagnosisBookmark saved) {
        bookmark = saved;
        resumed = true;
        session.recordDirection(saved.direction());
        if (saved.symptom() != null) {
            // a code renamed since the bookmark was written is left out rather than stopping the resume
            java.util.Arrays.stream(SymptomCode.values())
                    .filter(code -> code.name().equals(saved.symptom()))
                    .findFirst()
                    .ifPresent(session::pickSymptom);
        }
        if (saved.evidenceText() != null) {
            session.recordEvidence(
                    saved.evidenceText(), saved.evidenceSource()); // recognised again by the symptom step
        }
        session.recordConclusion(saved.conclusion());
        session.restoreChanges(saved.changes());
        sayStatus(() -> i18n.get("step.restart.welcomeBack", i18n.dateTime(saved.savedAt())));
        describeNeed();
        checkAgain();
    }

    // == Internals ==

    private void sayStatus(java.util.function.Supplier<String> text) {
        statusSaid = text;
        status.set(text.get());
    }

    private void sayBeforeAfter(java.util.function.Supplier<String> text) {
        beforeAfterSaid = text;
        beforeAfter.set(text.get());
    }

    private void describeNeed() {
        ApplyResult change = session.lastChangeProperty().get();
        RegistryReport report = session.registryReportProperty().get();
        RestartState.Status state = RestartState.Status.NEEDED;
        if (liveChangeMade()) {
            need.set(i18n.get("step.restart.need.changed", change.store()));
        } else if (resumed && change == null) {
            need.set(i18n.get("step.restart.need.resumed"));
        } else if (rehearsedCopy().isPresent()) {
            need.set(i18n.get("step.restart.need.rehearsed"));
        } else if (report != null
                && report.finding("restart.pending")
                        .map(f -> f.status() != FindingStatus.PASS && f.status() != FindingStatus.INFO)
                        .orElse(false)) {
            need.set(i18n.get(
                    "step.restart.need.pending",
                    report.finding("restart.pending").get().detail().in(i18n.locale())));
        } else {
            need.set(i18n.get("step.restart.need.none"));
            state = RestartState.Status.NOT_NEEDED;
        }
        if (rehearsedCopy().isPresent() && !liveChangeMade()) {
            // the change went to a copy: this server is unchanged, so it needs the fix first and a restart after it
            state = RestartState.Status.AFTER_SERVER_FIX;
        }
        RestartState current = session.restartStateProperty().get();
        // a scheduled restart or one already checked stays so until cancelled: entering the step again changes nothing
        if (current == null
                || current.status() == RestartState.Status.NEEDED
                || current.status() == RestartState.Status.NOT_NEEDED
                || current.status() == RestartState.Status.AFTER_SERVER_FIX) {
            publish(state, null, null);
        }
    }

    /** Tells the diagnosis and its summary where the restart stands. */
    private void publish(RestartState.Status state, java.time.Instant scheduledFor, Tls12 after) {
        session.recordRestart(new RestartState(state, scheduledFor, before(), after));
    }

    private boolean liveChangeMade() {
        ApplyResult change = session.lastChangeProperty().get();
        return change != null
                && change.outcome() == ApplyResult.Outcome.APPLIED
                && !change.store().toLowerCase(Locale.ROOT).endsWith(".reg");
    }

    /** The .reg copy the fix was rehearsed on in this session (a bookmark never holds one: a copy needs no restart). */
    private Optional<Path> rehearsedCopy() {
        Rehearsal last = session.lastRehearsal();
        if (last == null || last.copy() == null) {
            return Optional.empty();
        }
        Path copy = Path.of(last.copy());
        return Files.isRegularFile(copy) ? Optional.of(copy) : Optional.empty();
    }

    private Tls12 before() {
        if (bookmark != null) {
            return new Tls12(bookmark.clientBefore(), bookmark.serverBefore());
        }
        return baseline;
    }

    private void remember() {
        Tls12 before = before();
        ApplyResult change = session.lastChangeProperty().get();
        SymptomCode picked = session.pickedSymptomProperty().get();
        DiagnosisBookmark saved = new DiagnosisBookmark(
                DiagnosisBookmark.SCHEMA,
                clock.instant(),
                picked == null ? null : picked.name(),
                session.directionProperty().get(),
                before == null ? null : before.client(),
                before == null ? null : before.server(),
                change == null || change.backupFolder() == null
                        ? null
                        : change.backupFolder().toString(),
                change == null ? null : change.store(),
                blankToNull(session.evidenceTextProperty().get()),
                session.evidenceSourceProperty().get(),
                session.conclusionProperty().get(),
                session.changes());
        bookmark = bookmark == null ? saved : bookmark;
        runner.run(
                () -> {
                    saved.save(bookmarkFile);
                    return bookmarkFile;
                },
                written -> {},
                failure -> {},
                () -> {}); // a failure loses only the offer to check again after the restart
    }

    /** The evidence to keep across the restart; a huge log dump is left out rather than bloating the bookmark. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() || text.length() > 1_000_000 ? null : text;
    }

    private String side(Boolean ready) {
        return i18n.get(
                ready == null ? "step.restart.side.unknown" : ready ? "step.restart.side.ok" : "step.restart.side.off");
    }

    private void run(
            java.util.function.Supplier<RestartScheduler.Result> work,
            java.util.function.Consumer<RestartScheduler.Result> done) {
        runner.run(
                running,
                work::get,
                done,
                // the scheduler reports what Windows refused in its Result: a failure here is a bug
                failure -> sayStatus(() -> i18n.get("step.restart.failed")));
    }
}
