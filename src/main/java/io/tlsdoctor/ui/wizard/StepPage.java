package io.tlsdoctor.ui.wizard;

import javafx.scene.Node;

import java.util.function.Supplier;

/** A step's ViewModel together with the factory of its View; the view is built the first time it is shown. */
public record StepPage(StepModel model, Supplier<? extends Node> viewFactory) {
}
