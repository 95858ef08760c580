package io.tlsdoctor.core.fleet;

import java.util.List;

/**
 * One server's value for one check: its words (a message key and arguments, so any language can show it) and how
 * it reads. Two cells are the same value when key and arguments are equal: that is what the comparison groups by.
 */
public record Cell(FleetCheck check, State state, String valueKey, List<String> args) {

    /** How the value reads at a glance; UNKNOWN values are never counted for or against anyone. */
    public enum State {
        GOOD,
        WARN,
        BAD,
        UNKNOWN
    }

    public Cell {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Cell of(FleetCheck check, State state, String valueKey, String... args) {
        return new Cell(check, state, valueKey, List.of(args));
    }

    /** The value as the comparison groups it. */
    String sameness() {
        return valueKey + args;
    }
}
