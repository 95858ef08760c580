package io.tlsdoctor.core.text;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What is wrong inside a JSON file TLS Doctor wrote (a summary, plan, backup or snapshot), in terms of the file: empty,
 * cut off, not JSON, JSON of another kind, a field with the wrong kind of value, and where (line, column, field path
 * such as {@code checks[2].result}). Jackson's own text ("Cannot deserialize value of type `java.lang.String`...
 * [Source: (byte[])...") names Java types and is never shown; the log gets the exception.
 *
 * <p>A message that explains one takes {@link #args()} after its own: {@code {1}} the kind's code for a choice
 * format, {@code {2}} line, {@code {3}} column, {@code {4}} the field. Numbers and text, not a nested message key,
 * because plan and backup messages travel as JSON from the elevated helper to the wizard.
 *
 * @param line   1-based, 0 when not known
 * @param column 1-based, 0 when not known
 * @param field  the field path, as a user may be shown it; empty when the problem is not in one field
 */
public record ContentProblem(Kind kind, int line, int column, String field) {

    private static final Logger LOG = EventLog.of(ContentProblem.class);
    private static final int MAX_FIELD = 120;

    /** The kinds, in the order of the messages' choice formats. */
    public enum Kind {
        /** Nothing more precise can be said (the log has the details). */
        OTHER,
        EMPTY,
        /** The JSON stops before it is complete: a copy or download cut short. */
        CUT_OFF,
        /** Not JSON at {@code line}/{@code column}: a file of another kind, or a slip when edited by hand. */
        NOT_JSON,
        /** Valid JSON, but not the kind of file expected (a list, a text, another tool's object). */
        OTHER_KIND,
        /** {@code field} holds the wrong kind of value (a list where a text belongs, a word where a number does). */
        WRONG_VALUE,
        /** {@code field} is not one this kind of file has (a typo, or written by a newer TLS Doctor). */
        UNKNOWN_FIELD,
        /** {@code field} is of the right kind but its value is refused (a missing part, a name not known). */
        BAD_VALUE,
        /** {@code field} is missing. */
        MISSING_FIELD,
        /** Not JSON from its first character: a web page, a .reg export, a text saved under the name. */
        ANOTHER_FILE;

        public int code() {
            return ordinal();
        }
    }

    /**
     * What {@code failure} (thrown while reading {@code content}) says about the file; logs the failure with {@code
     * what} (the file), so the details stay in the log.
     */
    public static ContentProblem of(Throwable failure, byte[] content, Object what) {
        LOG.log(Level.INFO, failure, () -> "refused the content of " + what);
        if (content != null && isBlank(content)) {
            return new ContentProblem(Kind.EMPTY, 0, 0, "");
        }
        return classify(
                failure,
                at -> content != null && at.getByteOffset() >= 0 && restIsBlank(content, at),
                content != null && startsLikeJson(new String(content, 0, Math.min(64, content.length), UTF_8)));
    }

    /** As {@link #of(Throwable, byte[], Object)}, for content read as text. */
    public static ContentProblem of(Throwable failure, String content, Object what) {
        LOG.log(Level.INFO, failure, () -> "refused the content of " + what);
        if (content != null && content.replace("\uFEFF", "").isBlank()) {
            return new ContentProblem(Kind.EMPTY, 0, 0, "");
        }
        return classify(
                failure,
                at -> content != null
                        && at.getCharOffset() >= 0
                        && at.getCharOffset() <= content.length()
                        && content.substring((int) at.getCharOffset()).isBlank(),
                content != null && startsLikeJson(content));
    }

    private static ContentProblem classify(
            Throwable failure, Predicate<JsonLocation> atTheEnd, boolean startsLikeJson) {
        // a record's reader may wrap the parser's failure: the innermost parse failure is what the file has
        JsonProcessingException parse = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException p && !(t instanceof JsonMappingException)) {
                parse = p;
            }
        }
        JsonProcessingException json =
                parse != null ? parse : failure instanceof JsonProcessingException outer ? outer : null;
        if (json == null) {
            return new ContentProblem(Kind.OTHER, 0, 0, "");
        }
        JsonLocation at = json.getLocation();
        int line = at == null || at.getLineNr() < 0 ? 0 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 0 ? 0 : at.getColumnNr();
        // "end-of-input" in any of its forms, or a token cut in half ("tru" for true): nothing but the end follows
        if (json instanceof JsonEOFException || (at != null && atTheEnd.test(at))) {
            return new ContentProblem(Kind.CUT_OFF, line, column, "");
        }
        if (!(json instanceof JsonMappingException mapping)) {
            return new ContentProblem(startsLikeJson ? Kind.NOT_JSON : Kind.ANOTHER_FILE, line, column, "");
        }
        String field = path(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            String name = VisibleText.of(String.valueOf(unknown.getPropertyName()));
            return new ContentProblem(Kind.UNKNOWN_FIELD, line, column, abbreviate(field.isEmpty() ? name : field));
        }
        if (field.isEmpty()) {
            return new ContentProblem(Kind.OTHER_KIND, line, column, "");
        }
        if (mapping instanceof ValueInstantiationException || mapping instanceof InvalidFormatException) {
            return new ContentProblem(Kind.BAD_VALUE, line, column, field);
        }
        if (mapping instanceof MismatchedInputException) {
            return new ContentProblem(Kind.WRONG_VALUE, line, column, field);
        }
        return new ContentProblem(Kind.BAD_VALUE, line, column, field);
    }

    /** A field the caller found missing or refused after reading (no place in the file to point at). */
    public static ContentProblem missing(String field) {
        return new ContentProblem(Kind.MISSING_FIELD, 0, 0, field);
    }

    /** The file is JSON, but of another kind than the caller reads. */
    public static ContentProblem otherKind() {
        return new ContentProblem(Kind.OTHER_KIND, 0, 0, "");
    }

    /** {@code {1}} kind code, {@code {2}} line, {@code {3}} column, {@code {4}} field, after the message's own. */
    public List<Object> args() {
        return List.of(kind.code(), String.valueOf(line), String.valueOf(column), field);
    }

    /** {@code subject} as {@code {0}}, then {@link #args()}. */
    public List<Object> argsFor(Object subject) {
        // line and column as text: a number would be grouped ("line 1,204") and a choice format cannot nest
        // {2,number,#}
        return List.of(String.valueOf(subject), kind.code(), String.valueOf(line), String.valueOf(column), field);
    }

    /** {@code checks[2].result}: the field names from the file, made safe to show. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(VisibleText.of(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return abbreviate(out.toString());
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) + "…" : text;
    }

    /** What TLS Doctor's JSON files start with (UTF-16 shows as NULs between, which Jackson reads as well). */
    private static boolean startsLikeJson(String start) {
        String text = start.replace("\uFEFF", "")
                .replace("\0", "")
                .replace("\uFFFD", "")
                .stripLeading();
        return text.isEmpty() || text.charAt(0) == '{' || text.charAt(0) == '[';
    }

    private static boolean restIsBlank(byte[] content, JsonLocation at) {
        long from = at.getByteOffset();
        return from <= content.length && isBlank(java.util.Arrays.copyOfRange(content, (int) from, content.length));
    }

    /** Nothing but whitespace and byte-order marks: an empty file, whatever its encoding. */
    public static boolean isBlank(byte[] content) {
        for (byte b : content) {
            // whitespace, a UTF-8 BOM's bytes, or the zero bytes of a UTF-16 file's whitespace
            if (b != ' '
                    && b != '\t'
                    && b != '\r'
                    && b != '\n'
                    && b != 0
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF
                    && b != (byte) 0xFE
                    && b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
