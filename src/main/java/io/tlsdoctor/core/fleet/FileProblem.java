package io.tlsdoctor.core.fleet;

import java.util.List;

/** A file or folder that was not compared, and why, with the way out ({@code messageKey} in the message bundles). */
public record FileProblem(String file, String messageKey, List<Object> args) {

    public FileProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
