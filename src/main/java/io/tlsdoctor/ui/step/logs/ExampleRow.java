package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.core.logs.FailureExample;

/** One failed session offered as an example; the step's ViewModel words it, the view lists it. */
public record ExampleRow(FailureExample example) {}
