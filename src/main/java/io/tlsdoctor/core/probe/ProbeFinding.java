package io.tlsdoctor.core.probe;

/** One conclusion about a target, worded for an Exchange admin ({@code probe.finding.<id>} in the message bundles). */
public record ProbeFinding(String id, Severity severity, Detail text) {

    static ProbeFinding of(String id, Severity severity, Object... args) {
        return new ProbeFinding(id, severity, Detail.of("probe.finding." + id, args));
    }
}
