package io.tlsdoctor.core.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NDR saved from Outlook as {@code .eml} hides its text behind MIME: quoted-printable soft line breaks split
 * {@code SocketError} in two, and the delivery-status part may be base64. This decodes the text parts (plain, HTML
 * reduced to text, delivery status) so the recogniser sees what the user saw.
 */
final class MimeMessageText {

    private static final Set<String> TOP_HEADERS = Set.of(
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "received",
            "return-path",
            "x-ms-exchange-organization-scl",
            "thread-topic");
    private static final Pattern HEADER = Pattern.compile("^([!-9;-~]+):[ \\t]?(.*)$");
    private static final Pattern PARAM = Pattern.compile(";\\s*([A-Za-z-]+)\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");
    private static final int MAX_DEPTH = 8;

    private MimeMessageText() {}

    static EvidenceText decodeIfEmail(EvidenceText text) {
        if (!looksLikeEmail(text.text())) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.text().length());
        Part root = Part.parse(text.text());
        String subject = root.headers.get("subject");
        if (subject != null) {
            out.append("Subject: ").append(subject).append('\n');
        }
        appendText(root, out, 0);
        return new EvidenceText(out.toString(), text.encoding(), true);
    }

    static boolean looksLikeEmail(String text) {
        int known = 0;
        int lines = 0;
        int start = 0;
        while (start < text.length() && lines < 60) {
            int end = text.indexOf('\n', start);
            String line = (end < 0 ? text.substring(start) : text.substring(start, end)).stripTrailing();
            if (line.isEmpty()) {
                break;
            }
            lines++;
            if (!Character.isWhitespace(line.charAt(0))) {
                Matcher m = HEADER.matcher(line);
                if (!m.matches()) {
                    return false;
                }
                if (TOP_HEADERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    known++;
                }
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return known >= 2 && text.toLowerCase(Locale.ROOT).contains("content-type:");
    }

    private static void appendText(Part part, StringBuilder out, int depth) {
        String type = part.contentType();
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            for (Part child : part.children()) {
                appendText(child, out, depth + 1);
            }
            return;
        }
        if (type.equals("message/rfc822") && depth < MAX_DEPTH) {
            Part inner = Part.parse(part.decodedBody());
            inner.headers.forEach(
                    (name, value) -> out.append(name).append(": ").append(value).append('\n'));
            out.append('\n');
            appendText(inner, out, depth + 1);
            return;
        }
        if (type.startsWith("text/") || type.startsWith("message/")) {
            String body = part.decodedBody();
            if (type.equals("text/html")) {
                body = HtmlText.toText(body);
            }
            out.append(body);
            if (!body.endsWith("\n")) {
                out.append('\n');
            }
            out.append('\n');
        }
    }

    /** One MIME entity: headers (unfolded, lower-case names) and its raw body. */
    private static final class Part {
        final Map<String, String> headers = new LinkedHashMap<>();
        final String body;

        private Part(String body) {
            this.body = body;
        }

        static Part parse(String raw) {
            String normalised = raw.replace("\r\n", "\n");
            int split = normalised.indexOf("\n\n");
            String head = split < 0 ? normalised : normalised.substring(0, split);
            Part part = new Part(split < 0 ? "" : normalised.substring(split + 2));
            String name = null;
            for (String line : head.split("\n", -1)) {
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
                    part.headers.merge(name, " " + line.strip(), String::concat);
                    continue;
                }
                Matcher m = HEADER.matcher(line);
                if (m.matches()) {
                    name = m.group(1).toLowerCase(Locale.ROOT);
                    part.headers.put(name, m.group(2).strip());
                }
            }
            return part;
        }

        String contentType() {
            String value = headers.getOrDefault("content-type", "text/plain");
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon))
                    .strip()
                    .toLowerCase(Locale.ROOT);
        }

        String parameter(String header, String name) {
            Matcher m = PARAM.matcher(headers.getOrDefault(header, ""));
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase(name)) {
                    return m.group(3) != null ? m.group(3) : m.group(2);
                }
            }
            return null;
        }

        List<Part> children() {
            String boundary = parameter("content-type", "boundary");
            List<Part> parts = new ArrayList<>();
            if (boundary == null) {
                return parts;
            }
            String delimiter = "--" + boundary;
            String[] sections = body.split("(?m)^" + Pattern.quote(delimiter) + "(?:--)?[ \\t]*$", -1);
            // sections[0] is the preamble; the last one after the closing delimiter is the epilogue.
            for (int i = 1; i < sections.length; i++) {
                String section = sections[i].startsWith("\n") ? sections[i].substring(1) : sections[i];
                if (!section.isBlank()) {
                    parts.add(parse(section));
                }
            }
            return parts;
        }

        String decodedBody() {
            String encoding = headers.getOrDefault("content-transfer-encoding", "7bit")
                    .strip()
                    .toLowerCase(Locale.ROOT);
            Charset charset = charset(parameter("content-type", "charset"));
            switch (encoding) {
                case "quoted-printable":
                    return new String(quotedPrintable(body), charset);
                case "base64":
                    try {
                        return new String(Base64.getMimeDecoder().decode(body.strip()), charset);
                    } catch (IllegalArgumentException e) {
                        return body;
                    }
                default:
                    return body;
            }
        }

        private static Charset charset(String name) {
            if (name == null) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }

    static byte[] quotedPrintable(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '=') {
                if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i += 1;
                    continue;
                }
                if (i + 2 < body.length() && body.charAt(i + 1) == '\r' && body.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 2 < body.length()) {
                    int hi = Character.digit(body.charAt(i + 1), 16);
                    int lo = Character.digit(body.charAt(i + 2), 16);
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
            }
            if (c < 0x80) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
        return out.toByteArray();
    }
}
