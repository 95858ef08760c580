package io.tlsdoctor.core.probe;

/**
 * What a typed target names: {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. The wizard's
 * fields and the command line's {@code --host} read targets the same way; each words the problem its own way.
 *
 * @param target  the target, or null when the text is not one
 * @param problem which part is wrong, or null when none is
 */
public record TargetText(ProbeTarget target, Problem problem) {

    /** The part of the text that is not acceptable. */
    public enum Problem {
        /** Not a host name or address (a URL, spaces, an unclosed bracket). */
        HOST,
        /** A port that is not a number from 1 to 65535. */
        PORT
    }

    public static TargetText parse(String text, int defaultPort) {
        String value = text == null ? "" : text.trim();
        if (value.contains("/")) {
            return new TargetText(null, Problem.HOST); // a URL, not a host
        }
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || close + 1 < value.length() && value.charAt(close + 1) != ':') {
                return new TargetText(null, Problem.HOST);
            }
            host = value.substring(1, close);
            port = close + 1 < value.length() ? value.substring(close + 2) : null;
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        }
        Integer number = port == null ? Integer.valueOf(defaultPort) : port(port);
        if (number == null) {
            return new TargetText(null, Problem.PORT);
        }
        if (!Targets.isValidHost(host)) {
            return new TargetText(null, Problem.HOST);
        }
        return new TargetText(ProbeTarget.direct(host, number), null);
    }

    /** A port number from 1 to 65535, or null when {@code text} is not one. */
    public static Integer port(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("\\d{1,5}")) {
            return null;
        }
        int number = Integer.parseInt(trimmed);
        return number >= 1 && number <= 65535 ? number : null;
    }
}
