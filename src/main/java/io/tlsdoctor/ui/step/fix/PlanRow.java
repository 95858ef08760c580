package io.tlsdoctor.ui.step.fix;

/**
 * One planned value as the table shows it: what it is for, where, now, then, why.
 *
 * @param part  the part of the fix it belongs to: the symptom's own fix, or hardening Microsoft recommends beside it
 */
public record PlanRow(String part, String value, String current, String target, String why) {}
