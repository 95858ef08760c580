package io.tlsdoctor.core.connectors;

import java.util.List;

/**
 * Something the reader noticed that limits what can be judged (a list cut off with {@code ...}, a JSON depth too
 * small, objects it does not know): a message key of the {@code messages} bundle ({@code connectors.note.*}) and its
 * arguments.
 */
public record ReadNote(String key, List<String> args) {

    public ReadNote {
        args = List.copyOf(args);
    }

    public static ReadNote of(String key, String... args) {
        return new ReadNote(key, List.of(args));
    }
}
