package io.tlsdoctor.core.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what consoles, forums and tools do to evidence before it reaches us, so that patterns can match what
 * Exchange wrote:
 * <ul>
 * <li>{@code Select-String} output prefixes ({@code C:\...\SEND2023011116-1.LOG:412:}, {@code InputStream:3:}, the
 * {@code >} of {@code -Context});</li>
 * <li>{@code Format-List} values wrapped at the console width, continued on indented lines, possibly with blank lines
 * between (forum pastes): joined back without a separator, because the console breaks inside words;</li>
 * <li>quoted CSV fields with line breaks inside (message-trace exports): joined with a space;</li>
 * <li>mail quoting ({@code > }, {@code >> }) of a forwarded or replied-to report: removed;</li>
 * <li>quoted-printable body text pasted raw ({@code =3D}, a {@code =} soft break at the line end): decoded and the
 * soft-broken lines joined without a separator.</li>
 * </ul>
 */
final class TextNormalizer {

    private static final Pattern SELECT_STRING_PREFIX = Pattern.compile(
            "^[ \\t]{0,8}(?:>[ \\t]?)?[ \\t]{0,8}(?:(?:[A-Za-z]:)?[^:\\r\\n]{0,400}?\\.(?:log|txt|csv|eml)[ \\t]{0,4}|InputStream):\\d{1,9}:",
            Pattern.CASE_INSENSITIVE);
    /** PowerShell Format-List pads the property name with spaces before the colon: {@code LastError      : ...}. */
    private static final Pattern FORMAT_LIST_PROPERTY =
            Pattern.compile("^[ \\t]{0,4}[A-Za-z][A-Za-z0-9.]{0,60}[ \\t]+: ");
    /** A reply's or forward's quote marks: {@code > }, {@code >> }, {@code > > }. */
    private static final Pattern MAIL_QUOTE = Pattern.compile("^[ \\t]{0,8}(?:>[ \\t]?){1,8}+");

    private static final Pattern SOFT_BREAK = Pattern.compile("(?<!=)=[ \\t]*\\r?\\n");
    private static final Pattern QP_ESCAPE = Pattern.compile("=([0-9A-F]{2})");
    private static final int MIN_CONTINUATION_INDENT = 4;
    private static final int MAX_CSV_JOIN = 20;

    private TextNormalizer() {}

    static List<LogicalLine> normalize(String text) {
        List<String> physical = splitLines(text);
        boolean quotedPrintable = looksQuotedPrintable(physical, text);
        List<LogicalLine> logical = new ArrayList<>();
        Builder current = null;
        boolean currentIsProperty = false;
        boolean softBreak = false;
        for (int i = 0; i < physical.size(); i++) {
            int lineNumber = i + 1;
            String line = stripPrefix(physical.get(i)).stripTrailing();
            if (quotedPrintable) {
                boolean endsSoft = line.endsWith("=") && !line.endsWith("==");
                line = decodeQuotedPrintable(endsSoft ? line.substring(0, line.length() - 1) : line);
                if (softBreak && current != null) {
                    current.append(line, lineNumber, ""); // the encoder broke a line here, not the author
                    softBreak = endsSoft;
                    continue;
                }
                softBreak = endsSoft;
            }
            if (line.isEmpty()) {
                continue; // blank lines between properties are paste noise; they never end a wrapped value
            }
            int indent = indentOf(line);
            boolean property = FORMAT_LIST_PROPERTY.matcher(line).find();
            if (current != null && currentIsProperty && !property && indent >= MIN_CONTINUATION_INDENT) {
                current.append(line.substring(indent), lineNumber, "");
                continue;
            }
            if (current != null) {
                logical.add(current.build());
            }
            current = new Builder(line, lineNumber);
            currentIsProperty = property;
            // A quoted CSV field that holds a line break: keep reading until the quotes balance.
            int joined = 0;
            while (current.hasOpenQuote()
                    && looksLikeCsv(current.text)
                    && joined < MAX_CSV_JOIN
                    && i + 1 < physical.size()) {
                i++;
                joined++;
                current.append(stripPrefix(physical.get(i)).strip(), i + 1, " ");
            }
        }
        if (current != null) {
            logical.add(current.build());
        }
        return logical;
    }

    static String stripPrefix(String line) {
        Matcher quote = MAIL_QUOTE.matcher(line);
        String unquoted = quote.find() ? line.substring(quote.end()) : line;
        Matcher m = SELECT_STRING_PREFIX.matcher(unquoted);
        return m.find() ? unquoted.substring(m.end()) : unquoted;
    }

    /** Raw quoted-printable: several soft breaks, or one beside an escape that plain text would not have. */
    static boolean looksQuotedPrintable(List<String> physical, String text) {
        int softBreaks = 0;
        for (String line : physical) {
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith("=") && !trimmed.endsWith("==")) {
                softBreaks++;
            }
        }
        return softBreaks >= 2 || (softBreaks == 1 && (text.contains("=3D") || text.contains("=20")));
    }

    /** A whole quoted-printable body: soft breaks removed, escapes decoded. */
    static String decodeQuotedPrintableBody(String text) {
        return decodeQuotedPrintable(SOFT_BREAK.matcher(text).replaceAll(""));
    }

    /** Escapes decoded as UTF-8 bytes; a malformed escape is left as it is. */
    private static String decodeQuotedPrintable(String line) {
        if (line.indexOf('=') < 0) {
            return line;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(line.length());
        Matcher m = QP_ESCAPE.matcher(line);
        int last = 0;
        while (m.find()) {
            bytes.writeBytes(line.substring(last, m.start()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.write(Integer.parseInt(m.group(1), 16));
            last = m.end();
        }
        bytes.writeBytes(line.substring(last).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean looksLikeCsv(CharSequence text) {
        String s = text.toString();
        return s.startsWith("\"") || s.contains("\",") || s.contains(",\"");
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static final class Builder {
        private final StringBuilder text;
        private int[] starts = new int[4];
        private int[] lines = new int[4];
        private int segments;
        private int quotes;

        Builder(String first, int line) {
            text = new StringBuilder(first);
            addSegment(0, line);
            quotes = count(first);
        }

        void append(String more, int line, String separator) {
            text.append(separator);
            addSegment(text.length(), line);
            text.append(more);
            quotes += count(more);
        }

        boolean hasOpenQuote() {
            return (quotes & 1) == 1;
        }

        private void addSegment(int start, int line) {
            if (segments == starts.length) {
                starts = Arrays.copyOf(starts, segments * 2);
                lines = Arrays.copyOf(lines, segments * 2);
            }
            starts[segments] = start;
            lines[segments] = line;
            segments++;
        }

        private static int count(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '"') {
                    n++;
                }
            }
            return n;
        }

        LogicalLine build() {
            return new LogicalLine(text.toString(), Arrays.copyOf(starts, segments), Arrays.copyOf(lines, segments));
        }
    }
}
