package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.registry.RegistryReadException;
import java.util.ArrayList;
import java.util.List;

/**
 * A .reg file could not be read as regedit would. The whole load stops: a line we do not understand must never
 * silently drop a value that would change the verdict. Message arguments are always file, line, then details.
 */
public final class RegFileParseException extends RegistryReadException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    RegFileParseException(String file, int line, String messageKey, Object... details) {
        super(messageKey, arguments(file, line, details), null);
        this.file = file;
        this.line = line;
    }

    private static List<Object> arguments(String file, int line, Object... details) {
        List<Object> args = new ArrayList<>();
        args.add(file);
        args.add(String.valueOf(line)); // a String, so MessageFormat does not print 1,234
        args.addAll(List.of(details));
        return args;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
