package io.tlsdoctor.ui.step.fix;

/** One planned value as the table shows it: where, now, then, why. */
public record PlanRow(String value, String current, String target, String why) {
}
