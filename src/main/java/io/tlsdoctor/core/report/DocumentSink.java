package io.tlsdoctor.core.report;

import java.util.List;

/**
 * The few building blocks a summary is laid out in, so HTML and Markdown say exactly the same things in the same
 * order ({@link SummaryLayout} decides what, a sink decides how). Every text handed to a sink is plain text, never
 * markup: the sink escapes it for its format.
 */
interface DocumentSink {

    /** How a tag reads at a glance; the tag's words carry the meaning, the tone only colours it. */
    enum Tone {
        GOOD,
        WARN,
        BAD,
        NEUTRAL
    }

    /** A short label before a text: {@code PROBLEM}, {@code supports}. */
    record Tag(String text, Tone tone) {}

    /** One line of a list, with an optional tag. */
    record Item(Tag tag, String text) {
        static Item of(String text) {
            return new Item(null, text);
        }
    }

    /** A label and its value in a list of facts. */
    record Field(String label, String value) {}

    void begin(String language, String title);

    /** A notice the reader must not miss (the summary is redacted). */
    void notice(String text);

    /** A section (level 2) or a part of one (level 3 and 4), optionally tagged. */
    void heading(int level, Tag tag, String text);

    void fields(List<Field> fields);

    void paragraph(String text);

    void list(List<Item> items);

    void table(List<String> header, List<List<String>> rows);

    /** Raw data kept exactly as it came (log rows, transcripts, registry values): shown as preformatted text. */
    void code(List<String> lines);

    String finish(String footer);
}
