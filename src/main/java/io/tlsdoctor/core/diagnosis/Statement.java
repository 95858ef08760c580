package io.tlsdoctor.core.diagnosis;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence kept as a message key plus its arguments (strings already formatted: addresses, counts, dates), so the
 * engine stays language-free and the wizard, command line and summary say it in the reader's language.
 */
public record Statement(String key, List<String> args) {

    public Statement {
        args = List.copyOf(args);
    }

    public static Statement of(String key, Object... args) {
        return new Statement(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
