package io.tlsdoctor.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A command line as the log shows it. No option of TLS Doctor takes a secret today; one named like a secret (a
 * password, a token, a key) is masked all the same, so adding one later cannot put it into a log file.
 */
final class CommandForLog {

    private static final Pattern SECRET_OPTION =
            Pattern.compile("--?[a-z-]*(pass|secret|token|credential|apikey|api-key)[a-z-]*", Pattern.CASE_INSENSITIVE);
    private static final String MASK = "********";

    private CommandForLog() {}

    static String of(String[] args) {
        StringBuilder line = new StringBuilder();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (line.length() > 0) {
                line.append(' ');
            }
            if (SECRET_OPTION.matcher(name).matches()) {
                line.append(equals > 0 ? name + "=" + MASK : arg);
                if (equals < 0 && i + 1 < list.size()) {
                    line.append(' ').append(MASK);
                    i++;
                }
            } else {
                line.append(quoted(arg));
            }
        }
        return line.toString();
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "\"" + arg + "\"" : arg;
    }
}
