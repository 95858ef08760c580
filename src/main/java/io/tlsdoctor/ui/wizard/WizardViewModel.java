package io.tlsdoctor.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

/**
 * Our own small step container (ControlsFX's Wizard cannot refuse to close while work runs): which step is
 * current, how far the user got, and whether Back, Next and Close are allowed.
 */
public final class WizardViewModel {

    private static final java.util.logging.Logger LOG = io.tlsdoctor.core.text.EventLog.of(WizardViewModel.class);

    private final List<StepModel> steps;
    private final DiagnosisSession session;
    private final StepGuide guide;

    // Properties
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(this, "currentIndex", 0);
    private final ReadOnlyIntegerWrapper furthestIndex = new ReadOnlyIntegerWrapper(this, "furthestIndex", 0);
    private final BooleanBinding busy;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    private final ReadOnlyStringWrapper introduction = new ReadOnlyStringWrapper(this, "introduction", "");
    private final ReadOnlyIntegerWrapper pathRevision = new ReadOnlyIntegerWrapper(this, "pathRevision");
    private final ReadOnlyObjectWrapper<ResumeOffer> resumeOffer = new ReadOnlyObjectWrapper<>(this, "resumeOffer");

    /**
     * An offer shown above the steps (after a restart: check again); {@code text} follows the language, {@code accept}
     * says whether it could be taken now.
     */
    public record ResumeOffer(ObservableStringValue text, BooleanSupplier accept, Runnable dismiss) {}

    public WizardViewModel(List<StepModel> steps, DiagnosisSession session) {
        this(steps, session, StepGuide.EVERY_STEP);
    }

    /** @param guide which steps the case needs and how each check is introduced */
    public WizardViewModel(List<StepModel> steps, DiagnosisSession session, StepGuide guide) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.session = session;
        this.guide = guide;
        List<Observable> busyDependencies = new ArrayList<>();
        List<Observable> allDependencies = new ArrayList<>(List.of(currentIndex));
        for (StepModel step : this.steps) {
            busyDependencies.add(step.busyProperty());
            allDependencies.add(step.busyProperty());
            allDependencies.add(step.canAdvanceProperty());
        }
        busy = Bindings.createBooleanBinding(
                () -> this.steps.stream().anyMatch(s -> s.busyProperty().get()),
                busyDependencies.toArray(Observable[]::new));
        canGoBack = Bindings.createBooleanBinding(
                () -> currentIndex.get() > 0 && !busy.get(), allDependencies.toArray(Observable[]::new));
        canGoNext = Bindings.createBooleanBinding(
                () -> currentIndex.get() < this.steps.size() - 1
                        && current().canAdvanceProperty().get()
                        && !busy.get(),
                allDependencies.toArray(Observable[]::new));
        // what the path depends on: the symptom, its direction, the conclusion and whether a change was made
        for (Observable pathInput : List.of(
                session.pickedSymptomProperty(),
                session.recognitionProperty(),
                session.directionProperty(),
                session.conclusionProperty(),
                session.changes())) {
            pathInput.addListener(o -> pathRevision.set(pathRevision.get() + 1));
        }
        logStep(0);
        this.steps.get(0).onEnter();
        introduce();
    }

    public List<StepModel> steps() {
        return steps;
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty furthestIndexProperty() {
        return furthestIndex.getReadOnlyProperty();
    }

    public StepModel current() {
        return steps.get(currentIndex.get());
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    /** The sentence introducing the current step's check, empty when it has none. */
    public ReadOnlyStringProperty introductionProperty() {
        return introduction.getReadOnlyProperty();
    }

    /** Goes up whenever the path may have changed (the view greys the steps it passes over). */
    public ReadOnlyIntegerProperty pathRevisionProperty() {
        return pathRevision.getReadOnlyProperty();
    }

    /** Whether the guided path visits the step at {@code index} for the case at hand. */
    public boolean isNeeded(int index) {
        return index == 0 || index == steps.size() - 1 || guide.needed(steps.get(index));
    }

    /** Says the introduction again in the current language. */
    public void introduce() {
        introduction.set(guide.introduction(current()));
        pathRevision.set(pathRevision.get() + 1);
    }

    public ReadOnlyObjectProperty<ResumeOffer> resumeOfferProperty() {
        return resumeOffer.getReadOnlyProperty();
    }

    // Commands

    public void offerResume(ObservableStringValue text, BooleanSupplier accept, Runnable dismiss) {
        resumeOffer.set(new ResumeOffer(text, accept, dismiss));
    }

    /** Takes the offer; one that cannot be taken now (a step is busy) stays on offer. */
    public void acceptResume() {
        ResumeOffer offer = resumeOffer.get();
        resumeOffer.set(null);
        if (offer != null && !offer.accept().getAsBoolean()) {
            resumeOffer.set(offer);
        }
    }

    public void dismissResume() {
        ResumeOffer offer = resumeOffer.get();
        resumeOffer.set(null);
        if (offer != null) {
            offer.dismiss().run();
        }
    }

    /**
     * Shows a step directly, as a resumed diagnosis does; the steps before it count as reached. Refused (false)
     * while a step is busy.
     */
    public boolean jumpTo(int index) {
        if (index < 0 || index >= steps.size() || busy.get()) {
            return false;
        }
        show(index);
        return true;
    }

    /** The next step the guided path needs (the last step is always reachable). */
    public void next() {
        if (canGoNext.get()) {
            int index = currentIndex.get() + 1;
            while (!isNeeded(index)) {
                index++;
            }
            show(index);
        }
    }

    /** The previous step the guided path visited. */
    public void back() {
        if (canGoBack.get()) {
            int index = currentIndex.get() - 1;
            while (!isNeeded(index)) {
                index--;
            }
            show(index);
        }
    }

    /** Jumps to a step the user has already reached (the step list); later steps stay out of reach. */
    public boolean goTo(int index) {
        if (index < 0 || index > furthestIndex.get() || busy.get() || index == currentIndex.get()) {
            return false;
        }
        show(index);
        return true;
    }

    /** Closing loses running work or what the user entered, so it is confirmed first. */
    public boolean closeNeedsConfirmation() {
        return busy.get() || session.hasInputProperty().get();
    }

    private void logStep(int index) {
        LOG.info(() -> "step " + (index + 1) + " of " + steps.size() + ": "
                + steps.get(index).titleKey());
    }

    private void show(int index) {
        logStep(index);
        currentIndex.set(index);
        furthestIndex.set(Math.max(furthestIndex.get(), index));
        steps.get(index).onEnter();
        introduce();
    }
}
