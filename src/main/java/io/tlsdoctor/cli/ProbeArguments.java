package io.tlsdoctor.cli;

import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.TargetText;
import io.tlsdoctor.core.text.Messages;
import java.time.Duration;

/** The handshake options that {@code probe} and {@code diagnose} share, read the same way with the same messages. */
final class ProbeArguments {

    static final int SMTP_PORT = 25;

    private ProbeArguments() {}

    /** {@code --port}: 25 when not given. */
    static int port(String text, Messages messages) {
        if (text == null) {
            return SMTP_PORT;
        }
        Integer port = TargetText.port(text);
        if (port == null) {
            throw new UsageException(messages.get("cli.probe.error.port", text));
        }
        return port;
    }

    /** {@code --timeout} and the like: 1 to 600 seconds, {@code fallback} when not given. */
    static Duration seconds(String value, Duration fallback, Messages messages) {
        if (value == null) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds >= 1 && seconds <= 600) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(messages.get("cli.probe.error.timeout", value));
    }

    /** {@code HOST[:PORT]}, {@code [v6]:PORT} or a bare IPv6 address. */
    static ProbeTarget target(String raw, int defaultPort, Messages messages) {
        TargetText parsed = TargetText.parse(raw, defaultPort);
        if (parsed.problem() == TargetText.Problem.PORT) {
            String text = raw.trim();
            throw new UsageException(messages.get("cli.probe.error.port", text.substring(text.lastIndexOf(':') + 1)));
        }
        if (parsed.target() == null) {
            throw new UsageException(messages.get("cli.diagnose.error.host", raw));
        }
        return parsed.target();
    }
}
