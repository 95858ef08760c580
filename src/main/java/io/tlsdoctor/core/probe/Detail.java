package io.tlsdoctor.core.probe;

import java.util.List;

/**
 * A plain-language sentence kept as a message key plus its arguments, so the engine stays language-free and the
 * command line or wizard shows it in the user's language ({@code probe.detail.*} in the message bundles).
 */
public record Detail(String key, List<String> args) {

    public Detail {
        args = List.copyOf(args);
    }

    public static Detail of(String key, Object... args) {
        return new Detail(
                key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
