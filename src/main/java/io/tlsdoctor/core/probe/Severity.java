package io.tlsdoctor.core.probe;

/** How much a finding matters: FAIL explains broken mail flow, WARN a risk, OK a confirmation, INFO context. */
public enum Severity {
    FAIL,
    WARN,
    OK,
    INFO
}
