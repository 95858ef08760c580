package io.tlsdoctor.ui.step.meaning;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.Detection;
import io.tlsdoctor.core.evidence.MailRoute;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.text.LocalizedText;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 2: what the symptom means. Turns the session's picked card and recognition into findings in the user's
 * language, with the direction of mail flow and what to check next; rebuilt when the language changes.
 */
public final class MeaningStepViewModel implements StepModel {

    private static final int MAX_LINES_SHOWN = 12;

    private final SymptomCatalog catalog;
    private final I18n i18n;
    private final DiagnosisSession session;

    // Properties
    private final ObservableList<FindingItem> findings = FXCollections.observableArrayList();
    private final ObservableList<String> nextChecks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<String> route = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper notYourServer = new ReadOnlyBooleanWrapper(this, "notYourServer");
    private final ReadOnlyStringWrapper endNote = new ReadOnlyStringWrapper(this, "endNote", "");
    private final ReadOnlyBooleanWrapper nothingRecognised = new ReadOnlyBooleanWrapper(this, "nothingRecognised");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public MeaningStepViewModel(SymptomCatalog catalog, I18n i18n, DiagnosisSession session) {
        this.catalog = catalog;
        this.i18n = i18n;
        this.session = session;
        i18n.messagesProperty().addListener((obs, old, value) -> rebuild());
    }

    @Override
    public String titleKey() {
        return "step.meaning.title";
    }

    /** Reading is all this step asks; the checks that confirm or rule out what it explains follow. */
    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return busy;
    }

    @Override
    public void onEnter() {
        rebuild();
    }

    public ObservableList<FindingItem> findings() {
        return findings;
    }

    public ObservableList<String> nextChecks() {
        return nextChecks;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Who wrote the report and who refused, one line each; empty when the evidence is not a report that says. */
    public ObservableList<String> route() {
        return route;
    }

    /** The failing hop is Exchange Online to another organisation: the summary says so instead of "the TLS problem". */
    public ReadOnlyBooleanProperty notYourServerProperty() {
        return notYourServer.getReadOnlyProperty();
    }

    /** What comes after this step: TLS Doctor's checks of this server, or straight the diagnosis when it took no part. */
    public ReadOnlyStringProperty endNoteProperty() {
        return endNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nothingRecognisedProperty() {
        return nothingRecognised.getReadOnlyProperty();
    }

    private void rebuild() {
        Locale locale = i18n.locale();
        Recognition recognition = session.recognitionProperty().get();
        SymptomCode picked = session.pickedSymptomProperty().get();
        List<FindingItem> items = new ArrayList<>();
        Set<String> checks = new LinkedHashSet<>();
        boolean pickedIsInEvidence = false;
        if (recognition != null) {
            for (Detection detection : recognition.detections()) {
                items.add(fromDetection(detection, locale));
                checks.addAll(catalog.nextChecks(detection.code(), detection.direction()));
                pickedIsInEvidence |= detection.code() == picked;
            }
        }
        if (picked != null && !pickedIsInEvidence) {
            SymptomCatalog.Symptom symptom = catalog.symptom(picked);
            items.add(0, fromPickedCard(symptom, locale));
            Set<String> withPicked = new LinkedHashSet<>(symptom.nextChecks());
            withPicked.addAll(checks);
            checks = withPicked;
        }
        findings.setAll(items);
        nextChecks.setAll(
                checks.stream().map(id -> catalog.checkText(id, locale)).collect(Collectors.toList()));
        boolean hasText = !session.evidenceTextProperty().get().isBlank();
        nothingRecognised.set(
                items.isEmpty() || (hasText && recognition != null && recognition.isEmpty() && picked == null));
        MailRoute facts = recognition == null ? MailRoute.NONE : recognition.route();
        route.setAll(routeLines(facts));
        boolean notOurs = facts.notYourServer()
                && recognition.detections().stream().anyMatch(d -> d.direction() == Direction.EXO_TO_EXTERNAL);
        notYourServer.set(notOurs);
        endNote.set(i18n.get(notOurs ? "step.meaning.end.notYourServer" : "step.meaning.end"));
        summary.set(notOurs ? i18n.get("step.meaning.route.notYourServer", facts.remoteHost()) : summaryText(items));
    }

    private List<String> routeLines(MailRoute facts) {
        List<String> lines = new ArrayList<>(2);
        if (facts.generatingServer() != null) {
            lines.add(i18n.get(
                    "step.meaning.route.generator",
                    facts.generatingServer(),
                    i18n.get("route.party." + facts.generatedBy())));
        }
        if (facts.remoteHost() != null) {
            lines.add(i18n.get(
                    "step.meaning.route.remote", facts.remoteHost(), i18n.get("route.party." + facts.remote())));
        }
        return lines;
    }

    private String summaryText(List<FindingItem> items) {
        if (items.isEmpty()) {
            return i18n.get("step.meaning.summary.nothing");
        }
        long seeds =
                items.stream().filter(i -> i.category() != Category.OTHER_CAUSE).count();
        long others = items.size() - seeds;
        if (others == 0) {
            return i18n.get("step.meaning.summary.tls", seeds);
        }
        if (seeds == 0) {
            return i18n.get("step.meaning.summary.other", others);
        }
        return i18n.get("step.meaning.summary.mixed", seeds, others);
    }

    private FindingItem fromDetection(Detection d, Locale locale) {
        SymptomCatalog.Symptom symptom = catalog.symptom(d.code());
        List<Integer> shown =
                d.lines().subList(0, Math.min(MAX_LINES_SHOWN, d.lines().size()));
        String lineList = shown.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (d.lines().size() > shown.size() ? ", …" : "");
        String linesText = i18n.get("step.meaning.lines", d.lines().size(), lineList)
                + (d.occurrences() > 1 ? " " + i18n.get("step.meaning.occurrences", d.occurrences()) : "");
        return new FindingItem(
                d.code(),
                d.category(),
                i18n.get("category." + d.category()),
                symptom.title().in(locale),
                i18n.get("direction." + d.direction()),
                i18n.get("direction.detail." + d.direction()),
                i18n.get("step.meaning.confidence", Math.round(d.confidence() * 100)),
                symptom.explanation(d.direction(), locale),
                d.excerpt(),
                d.matchStart(),
                d.matchEnd(),
                linesText,
                catalog.likelyCauses(d.code(), d.direction()).stream()
                        .map(t -> t.in(locale))
                        .toList());
    }

    private FindingItem fromPickedCard(SymptomCatalog.Symptom symptom, Locale locale) {
        Direction direction = symptom.direction();
        return new FindingItem(
                symptom.code(),
                symptom.category(),
                i18n.get("category." + symptom.category()),
                symptom.title().in(locale),
                i18n.get("direction." + direction),
                i18n.get("direction.detail." + direction),
                i18n.get("step.meaning.confidence.picked"),
                symptom.explanation(direction, locale),
                null,
                0,
                0,
                i18n.get("step.meaning.picked"),
                causes(symptom, locale));
    }

    private static List<String> causes(SymptomCatalog.Symptom symptom, Locale locale) {
        return symptom.likelyCauses().stream()
                .map((LocalizedText t) -> t.in(locale))
                .toList();
    }
}
