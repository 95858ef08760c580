package io.tlsdoctor.ui.wizard;

import java.util.function.Supplier;
import javafx.scene.Node;

/** A step's ViewModel together with the factory of its View; the view is built the first time it is shown. */
public record StepPage(StepModel model, Supplier<? extends Node> viewFactory) {}
