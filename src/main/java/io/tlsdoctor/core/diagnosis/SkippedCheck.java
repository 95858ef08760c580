package io.tlsdoctor.core.diagnosis;

/** A check the guided path leaves out for this symptom, and why (the wizard skips its step). */
public record SkippedCheck(CheckKind kind, Statement reason) {}
