package io.tlsdoctor.platform.schannel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What handshake.ps1 printed: {@code KEY=value} lines, one handshake per label ({@code DEFAULT}, {@code TLS12},
 * {@code TLS13}), error texts in Base64 of UTF-8. Anything else on the output is ignored, so a profile or module
 * that prints a banner cannot make it unreadable.
 */
record SchannelAnswer(Map<String, String> values) {

    /** The runs that force one version, label and name, after the DEFAULT run that lets SChannel choose. */
    static final List<Map.Entry<String, String>> FORCED =
            List.of(Map.entry("TLS12", "TLS 1.2"), Map.entry("TLS13", "TLS 1.3"));

    static SchannelAnswer parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).matches("[A-Z0-9]+(\\.[A-Z]+)?")) {
                values.putIfAbsent(
                        line.substring(0, equals), line.substring(equals + 1).strip());
            }
        });
        return new SchannelAnswer(Map.copyOf(values));
    }

    boolean complete() {
        return "1".equals(values.get("DONE"));
    }

    /** PowerShell's language mode, when the script got far enough to say it. */
    Optional<String> languageMode() {
        return Optional.ofNullable(values.get("LANGUAGE"));
    }

    Optional<Handshake> handshake(String label) {
        String result = values.get(label + ".RESULT");
        if (result == null) {
            return Optional.empty();
        }
        return Optional.of(new Handshake(
                "OK".equals(result),
                values.getOrDefault(label + ".PROTOCOL", "?"),
                values.getOrDefault(label + ".CIPHER", "?"),
                values.getOrDefault(label + ".STAGE", "tls"),
                decode(values.getOrDefault(label + ".ERROR", ""))));
    }

    /** Base64 of UTF-8; a value that is not (an older script) is shown as it came. */
    private static String decode(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** One handshake: {@code stage} is where it failed, connect, starttls or tls (only tls is SChannel's doing). */
    record Handshake(boolean ok, String protocol, String cipher, String stage, String error) {

        boolean reachedTls() {
            return ok || "tls".equals(stage);
        }

        boolean modern() {
            String lower = protocol.toLowerCase(java.util.Locale.ROOT);
            return lower.equals("tls12") || lower.equals("tls13");
        }
    }
}
