package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.ui.common.BuiltWhenNeeded;
import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The main window's content: header with the language switch, the step list on the side, the current step in the
 * middle, Back / Next / Cancel below. Only binds and forwards to {@link WizardViewModel}.
 */
public final class WizardView extends BorderPane {

    private static final KeyCombination NEXT_FROM_ANYWHERE =
            new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final WizardViewModel viewModel;
    private final List<StepPage> pages;
    private final List<Node> views;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Runnable openReview;
    private final Runnable openFleet;
    private final Runnable closeWindow;
    private final StackPane content = new StackPane();
    private final Button newCaseButton = new Button();
    private Button next;
    private Runnable startNewCase;
    private HBox header;

    public WizardView(
            WizardViewModel viewModel, List<StepPage> pages, I18n i18n, DialogService dialogs, Runnable closeWindow) {
        this(viewModel, pages, i18n, dialogs, closeWindow, null);
    }

    /** @param openReview opens a saved summary read-only beside the wizard; null hides the button */
    public WizardView(
            WizardViewModel viewModel,
            List<StepPage> pages,
            I18n i18n,
            DialogService dialogs,
            Runnable closeWindow,
            Runnable openReview) {
        this(viewModel, pages, i18n, dialogs, closeWindow, openReview, null);
    }

    /** @param openFleet opens the fleet view (several servers side by side); null hides the button */
    public WizardView(
            WizardViewModel viewModel,
            List<StepPage> pages,
            I18n i18n,
            DialogService dialogs,
            Runnable closeWindow,
            Runnable openReview,
            Runnable openFleet) {
        this.openFleet = openFleet;
        this.viewModel = viewModel;
        this.pages = List.copyOf(pages);
        this.views = new ArrayList<>(pages.size());
        pages.forEach(p -> views.add(null));
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.closeWindow = closeWindow;
        this.openReview = openReview;
        getStyleClass().add("wizard");
        setTop(new javafx.scene.layout.VBox(createHeader(), createResumeBar()));
        setLeft(new StepList(viewModel, i18n));
        setCenter(new javafx.scene.layout.VBox(createIntroduction(), content));
        javafx.scene.layout.VBox.setVgrow(content, Priority.ALWAYS);
        setBottom(createButtons());
        content.getStyleClass().add("step-content");
        showCurrent();
        viewModel.currentIndexProperty().addListener((obs, old, index) -> showCurrent());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (NEXT_FROM_ANYWHERE.match(e)) {
                viewModel.next();
                e.consume();
            }
        });
    }

    /** Adds {@code node} (the Help menu) to the header, before the language switch. */
    public void addToHeader(Node node) {
        header.getChildren().add(header.getChildren().size() - 2, node);
    }

    /** What "New case" does once the user agreed (the app builds a fresh wizard); null hides the button. */
    public void setOnNewCase(Runnable startNewCase) {
        this.startNewCase = startNewCase;
        newCaseButton.setVisible(startNewCase != null);
    }

    /** Starts over, asking first when what the user entered would be lost; refused while a step is working. */
    public boolean requestNewCase() {
        if (startNewCase == null || viewModel.busyProperty().get()) {
            return false;
        }
        if (viewModel.closeNeedsConfirmation()
                && !dialogs.confirmDestructive(
                        i18n.get("wizard.newCase.title"),
                        i18n.get("wizard.newCase.question"),
                        i18n.get("wizard.newCase.yes"),
                        i18n.get("wizard.close.no"))) {
            return false;
        }
        startNewCase.run();
        return true;
    }

    /** Close the window, asking first when work is running or input would be lost. */
    public boolean requestClose() {
        if (viewModel.closeNeedsConfirmation()) {
            String question =
                    viewModel.busyProperty().get() ? i18n.get("wizard.close.busy") : i18n.get("wizard.close.input");
            if (!dialogs.confirmDestructive(
                    i18n.get("wizard.close.title"),
                    question,
                    i18n.get("wizard.close.yes"),
                    i18n.get("wizard.close.no"))) {
                return false;
            }
        }
        closeWindow.run();
        return true;
    }

    private Node createHeader() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.getStyleClass().add("app-title");
        title.setMinWidth(Region.USE_PREF_SIZE); // never "TLS Doc…": the subtitle gives way first
        Label subtitle = new Label();
        subtitle.setId("appSubtitle");
        subtitle.textProperty().bind(i18n.text("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinWidth(0);
        HBox.setHgrow(subtitle, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label languageLabel = new Label();
        languageLabel.textProperty().bind(i18n.text("wizard.language"));
        languageLabel.setMinWidth(Region.USE_PREF_SIZE);
        LanguageSwitch language = new LanguageSwitch(i18n);
        languageLabel.setLabelFor(language);
        HBox header = new HBox(12, title, subtitle, spacer);
        this.header = header;
        if (openReview != null) {
            Button review = new Button();
            review.setId("reviewButton");
            review.textProperty().bind(i18n.text("wizard.review"));
            review.setOnAction(e -> openReview.run());
            review.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(review);
        }
        if (openFleet != null) {
            Button fleet = new Button();
            fleet.setId("fleetButton");
            fleet.textProperty().bind(i18n.text("fleet.ui.button"));
            fleet.setOnAction(e -> openFleet.run());
            fleet.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(fleet);
        }
        header.getChildren().addAll(languageLabel, language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wizard-header");
        return header;
    }

    /**
     * After a restart for a change: "check again?", above everything else. Its content is built the first time an
     * offer comes (most starts have none; hidden, it would still be styled before the first window shows).
     */
    private Node createResumeBar() {
        HBox bar = new HBox(10);
        bar.setId("resumeBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("help-box");
        bar.visibleProperty().bind(viewModel.resumeOfferProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        BuiltWhenNeeded.onFirst(bar.visibleProperty(), () -> fillResumeBar(bar));
        return bar;
    }

    private void fillResumeBar(HBox bar) {
        Label text = new Label();
        text.setWrapText(true);
        Button accept = new Button();
        accept.setId("resumeButton");
        accept.textProperty().bind(i18n.text("wizard.resume.accept"));
        accept.setOnAction(e -> viewModel.acceptResume());
        Button dismiss = new Button();
        dismiss.setId("dismissResumeButton");
        dismiss.textProperty().bind(i18n.text("wizard.resume.dismiss"));
        dismiss.setOnAction(e -> viewModel.dismissResume());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().setAll(text, spacer, accept, dismiss);
        viewModel.resumeOfferProperty().addListener((obs, old, offer) -> {
            text.textProperty().unbind();
            if (offer != null) {
                text.textProperty().bind(offer.text());
            }
        });
        if (viewModel.resumeOfferProperty().get() != null) {
            text.textProperty().bind(viewModel.resumeOfferProperty().get().text());
        }
    }

    /** The guided path's sentence about the check the current step runs. */
    private Node createIntroduction() {
        Label introduction = new Label();
        introduction.setId("stepIntroduction");
        introduction.setWrapText(true);
        introduction.setMaxWidth(Double.MAX_VALUE);
        introduction.getStyleClass().add("step-introduction");
        introduction.textProperty().bind(viewModel.introductionProperty());
        introduction.visibleProperty().bind(viewModel.introductionProperty().isNotEmpty());
        introduction.managedProperty().bind(introduction.visibleProperty());
        i18n.messagesProperty().addListener((obs, old, value) -> viewModel.introduce());
        return introduction;
    }

    private Node createButtons() {
        Button back = new Button();
        back.setId("backButton");
        back.textProperty().bind(i18n.text("wizard.back"));
        back.setMnemonicParsing(true);
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        back.setOnAction(e -> viewModel.back());
        ButtonBar.setButtonData(back, ButtonBar.ButtonData.BACK_PREVIOUS);

        Button next = new Button();
        next.setId("nextButton");
        next.textProperty().bind(i18n.text("wizard.next"));
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.disableProperty().bind(viewModel.canGoNextProperty().not());
        next.setOnAction(e -> viewModel.next());
        ButtonBar.setButtonData(next, ButtonBar.ButtonData.NEXT_FORWARD);
        // Next greyed while it has focus (a step starts working): keep the focus in the step, not on Back or Cancel
        next.disabledProperty().addListener((obs, was, disabled) -> {
            if (disabled && next.isFocused()) {
                focusStep();
            }
        });
        this.next = next;

        Button cancel = new Button();
        cancel.setId("cancelButton");
        cancel.textProperty()
                .bind(Bindings.when(viewModel.currentIndexProperty().isEqualTo(pages.size() - 1))
                        .then(i18n.text("wizard.close"))
                        .otherwise(i18n.text("wizard.cancel")));
        cancel.setMnemonicParsing(true);
        cancel.setCancelButton(true);
        // Enter fires the focused button: focus that falls through to Cancel (after Next, a dialog, Stop) loses the
        // case
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> requestClose());
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);

        newCaseButton.setId("newCaseButton");
        newCaseButton.textProperty().bind(i18n.text("wizard.newCase"));
        newCaseButton.setMnemonicParsing(true);
        newCaseButton.setMinWidth(Region.USE_PREF_SIZE);
        newCaseButton.setFocusTraversable(false); // like Cancel: never reached by Enter after focus falls through
        newCaseButton.disableProperty().bind(viewModel.busyProperty());
        newCaseButton.setVisible(false);
        newCaseButton.managedProperty().bind(newCaseButton.visibleProperty());
        newCaseButton.setOnAction(e -> requestNewCase());

        ButtonBar bar = new ButtonBar();
        bar.setButtonOrder("+BXC"); // Windows wizards: Back, Next, Cancel on the right
        bar.getButtons().addAll(back, next, cancel);
        HBox.setHgrow(bar, Priority.ALWAYS);
        // New case apart on the left, outside the bar that sizes its buttons alike
        HBox row = new HBox(8, newCaseButton, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(10, 16, 12, 16));
        row.getStyleClass().add("wizard-buttons");
        return row;
    }

    private void showCurrent() {
        int index = viewModel.currentIndexProperty().get();
        Node view = views.get(index);
        if (view == null) {
            view = pages.get(index).viewFactory().get();
            views.set(index, view);
        }
        content.getChildren().setAll(view);
        javafx.application.Platform.runLater(this::focusStep);
    }

    /**
     * Where the keyboard goes when a step opens or Next greys: Next itself when it can be used (Enter goes on), else
     * the step's first control, so Enter never lands on Back or Cancel by accident.
     */
    private void focusStep() {
        if (getScene() == null) {
            return;
        }
        javafx.scene.Node owner = getScene().getFocusOwner();
        boolean inStep = owner != null && isInside(owner, content) && owner.isFocused() && !owner.isDisabled();
        if (inStep) {
            return;
        }
        if (next != null && !next.isDisabled()) {
            next.requestFocus();
            return;
        }
        javafx.scene.Node first = firstFocusable(content);
        (first != null ? first : content).requestFocus();
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static javafx.scene.Node firstFocusable(javafx.scene.Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable() && !(node instanceof javafx.scene.control.ScrollPane)) {
            return node;
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            return firstFocusable(scroll.getContent());
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                javafx.scene.Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
