package io.tlsdoctor.app;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.DiagnosisBookmark;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.ProtocolLogLocations;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeOptions;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryBuilder;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.ThisComputer;
import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.FxTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.step.connectors.ConnectorsStepView;
import io.tlsdoctor.ui.step.connectors.ConnectorsStepViewModel;
import io.tlsdoctor.ui.step.diagnosis.DiagnosisStepView;
import io.tlsdoctor.ui.step.diagnosis.DiagnosisStepViewModel;
import io.tlsdoctor.ui.step.fix.FixStepView;
import io.tlsdoctor.ui.step.fix.FixStepViewModel;
import io.tlsdoctor.ui.step.logs.LogsStepView;
import io.tlsdoctor.ui.step.logs.LogsStepViewModel;
import io.tlsdoctor.ui.step.meaning.MeaningStepView;
import io.tlsdoctor.ui.step.meaning.MeaningStepViewModel;
import io.tlsdoctor.ui.step.probe.ProbeStepView;
import io.tlsdoctor.ui.step.probe.ProbeStepViewModel;
import io.tlsdoctor.ui.step.registry.RegistryStepView;
import io.tlsdoctor.ui.step.registry.RegistryStepViewModel;
import io.tlsdoctor.ui.step.restart.RestartStepView;
import io.tlsdoctor.ui.step.restart.RestartStepViewModel;
import io.tlsdoctor.ui.step.summary.SummaryStepView;
import io.tlsdoctor.ui.step.summary.SummaryStepViewModel;
import io.tlsdoctor.ui.step.symptom.SymptomStepView;
import io.tlsdoctor.ui.step.symptom.SymptomStepViewModel;
import io.tlsdoctor.ui.support.AboutViewModel;
import io.tlsdoctor.ui.support.HelpMenu;
import io.tlsdoctor.ui.support.SupportBundleViewModel;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.GuidedPath;
import io.tlsdoctor.ui.wizard.StepPage;
import io.tlsdoctor.ui.wizard.WizardView;
import io.tlsdoctor.ui.wizard.WizardViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the wizard by hand: the engine from {@code core}, one task runner over one executor for all background work
 * (tests pass their own executor, and ViewModel tests a DirectTaskRunner), the dialogs, and the steps in order.
 */
public final class WizardFactory {

    /** How long typing must pause before the paste is recognised again. */
    public static final Duration TYPING_PAUSE = Duration.ofMillis(250);

    private WizardFactory() {}

    public static WizardView create(
            I18n i18n,
            Executor executor,
            DialogService dialogs,
            PlatformServices platform,
            Runnable closeWindow,
            Runnable openReview) {
        return create(i18n, executor, dialogs, platform, closeWindow, openReview, null);
    }

    /** @param openFleet opens the fleet view from the header and the registry step; null leaves both out */
    public static WizardView create(
            I18n i18n,
            Executor executor,
            DialogService dialogs,
            PlatformServices platform,
            Runnable closeWindow,
            Runnable openReview,
            Runnable openFleet) {
        TaskRunner runner = new FxTaskRunner(executor);
        // built on the preload thread while the toolkit started; read-only, so every new case shares them
        StartupPreload.Knowledge knowledge = StartupPreload.knowledge();
        SymptomCatalog catalog = knowledge.catalog();
        EvidenceRecognizer recognizer = knowledge.recognizer();
        DiagnosisSession session = new DiagnosisSession();
        DiagnosisEngine engine = knowledge.engine();
        CaseFileAssembler assembler = new CaseFileAssembler(ThisComputer::provenance);
        // steps that are only reached later find each other through this, once the list exists
        AtomicReference<WizardViewModel> wizardRef = new AtomicReference<>();

        SymptomStepViewModel symptom =
                new SymptomStepViewModel(catalog, recognizer, runner, i18n, session, TYPING_PAUSE);
        MeaningStepViewModel meaning = new MeaningStepViewModel(catalog, i18n, session);
        RegistryStepViewModel registry = new RegistryStepViewModel(platform.registrySources(), runner, i18n, session);
        // the direction per target is set by the step; these are the deadlines (10 s connect, 30 s per target)
        ProbeStepViewModel probe = new ProbeStepViewModel(
                new ProbeEngine(io.tlsdoctor.platform.ThisMachineTrust.judges()),
                ProbeOptions.defaults(Direction.ONPREM_TO_EXO),
                runner,
                i18n,
                session,
                platform.schannel());
        FixStepViewModel fix = new FixStepViewModel(
                platform.fixRunner(), platform.registrySources(), runner, i18n, session, Clock.systemUTC());
        RestartStepViewModel restart = new RestartStepViewModel(
                platform.restarts(),
                platform.registrySources(),
                runner,
                i18n,
                session,
                platform.bookmarkFile(),
                Clock.systemUTC());
        LogsStepViewModel logs = new LogsStepViewModel(
                new LogAnalyzer(knowledge.classifier()),
                catalog,
                runner,
                i18n,
                session,
                ProtocolLogLocations.under(System.getenv("ExchangeInstallPath")));
        ConnectorsStepViewModel connectors = new ConnectorsStepViewModel(
                platform.connectorSources(), runner, i18n, session::recordConnectors, Clock.systemUTC());
        DiagnosisStepViewModel diagnosis = new DiagnosisStepViewModel(
                engine::conclude,
                assembler,
                runner,
                i18n,
                session,
                () -> wizardRef.get().jumpTo(wizardRef.get().steps().indexOf(fix)));
        SummaryStepViewModel summary = new SummaryStepViewModel(
                new SummaryBuilder(catalog), engine::conclude, assembler, runner, i18n, session, Clock.systemUTC());
        SupportBundleViewModel bundle = new SupportBundleViewModel(
                runner,
                i18n,
                platform.support().bundleWriter(),
                () -> caseNow(session, assembler, engine, new SummaryBuilder(catalog), i18n),
                Clock.systemUTC());
        AboutViewModel about = new AboutViewModel(
                i18n, platform.support().opener(), platform.support().logFolder());
        AtomicReference<WizardView> viewRef = new AtomicReference<>();
        HelpMenu help = new HelpMenu(
                bundle,
                about,
                i18n,
                dialogs,
                () -> viewRef.get() == null || viewRef.get().getScene() == null
                        ? null
                        : viewRef.get().getScene().getWindow());
        List<StepPage> pages = List.of(
                new StepPage(symptom, () -> new SymptomStepView(symptom, i18n, dialogs)),
                new StepPage(meaning, () -> new MeaningStepView(meaning, i18n)),
                new StepPage(registry, () -> new RegistryStepView(registry, i18n, dialogs, openFleet)),
                new StepPage(probe, () -> new ProbeStepView(probe, i18n)),
                new StepPage(logs, () -> new LogsStepView(logs, i18n, dialogs)),
                new StepPage(connectors, () -> new ConnectorsStepView(connectors, i18n, dialogs)),
                new StepPage(diagnosis, () -> new DiagnosisStepView(diagnosis, i18n)),
                new StepPage(fix, () -> new FixStepView(fix, i18n, dialogs)),
                new StepPage(restart, () -> new RestartStepView(restart, i18n, dialogs)),
                new StepPage(summary, () -> new SummaryStepView(summary, i18n, dialogs, help::openBundle)));
        GuidedPath guide = new GuidedPath(
                current -> engine.plan(
                        current.pickedSymptomProperty().get(),
                        current.recognitionProperty().get(),
                        current.directionProperty().get()),
                session,
                i18n);
        WizardViewModel wizard =
                new WizardViewModel(pages.stream().map(StepPage::model).toList(), session, guide);
        wizardRef.set(wizard);
        // After a restart for a change: offer to check again, with before and after.
        DiagnosisBookmark.load(platform.bookmarkFile())
                .ifPresent(bookmark -> wizard.offerResume(
                        i18n.textWithTime("wizard.resume.offer", bookmark.savedAt()),
                        () -> {
                            if (!wizard.jumpTo(wizard.steps().indexOf(restart))) {
                                return false; // a step is busy: the offer stays until it is done
                            }
                            restart.resumeFrom(bookmark);
                            return true;
                        },
                        () -> DiagnosisBookmark.forget(platform.bookmarkFile())));
        WizardView view = new WizardView(wizard, pages, i18n, dialogs, closeWindow, openReview, openFleet);
        view.addToHeader(help);
        viewRef.set(view);
        return view;
    }

    /**
     * The case as it is now, for a support bundle: read from the session here (the FX thread), summarised in the
     * background; empty before anything was entered.
     */
    private static Optional<Callable<DiagnosisSummary>> caseNow(
            DiagnosisSession session,
            CaseFileAssembler assembler,
            DiagnosisEngine engine,
            SummaryBuilder builder,
            I18n i18n) {
        if (!session.hasInputProperty().get()) {
            return Optional.empty();
        }
        CaseFile collected = assembler.assemble(session);
        CheckMode mode = CaseFileAssembler.modeOf(session);
        Conclusion judged = session.conclusionProperty().get();
        Messages messages = i18n.messages();
        return Optional.of(() -> {
            CaseFile caseFile = assembler.signed(collected, mode);
            return builder.build(caseFile, judged != null ? judged : engine.conclude(caseFile), messages);
        });
    }
}
