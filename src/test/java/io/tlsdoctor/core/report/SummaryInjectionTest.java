package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the outside world stays text. Every external field of the realistic case (host names, banners, EHLO
 * lines, certificate fields, log rows, file names, the pasted NDR, the user and computer name, registry strings,
 * statement arguments) gets markup and control characters appended; then the HTML is parsed by a real HTML parser
 * and the Markdown by a real CommonMark parser, and neither may contain an element the summary did not make itself.
 */
class SummaryInjectionTest {

    /** Markup that would run, load, link or break out of a block; backtick runs that would close a fence. */
    static final String MARKUP = " <script>alert(1)</script></pre></td><img src=x onerror=alert(2)>"
            + "[click](http://evil.example/) ![pixel](http://evil.example/p.png) <http://evil.example/auto> "
            + "*em* _em_ **strong** ~~gone~~ `code` ```` fence ```` &lt;entity&gt; <!-- comment --> "
            + "<a href=\"http://evil.example/\">link</a> <iframe src=\"http://evil.example/\"></iframe>";
    /** NUL, an ANSI colour sequence, a bell, C1 NEL, a right-to-left override, zero-width space, BOM, line breaks. */
    static final String CONTROLS =
            " \u0000NUL \u001b[31mRED\u001b[0m \u0007 \u0085 \u202eevil\u202c \u200bzw\u200b \ufeff\r\nline2";

    static final String EVIL = MARKUP + CONTROLS;

    private static DiagnosisSummary summary;
    private static List<String> outputs;

    @TempDir
    static Path folder;

    @BeforeAll
    static void build() {
        // the log folder's name is external too (it reaches the summary as the example's file name)
        SampleCase poisoned =
                new SampleCase(text -> text + EVIL, folder.resolve("logs <img src=x onerror=alert(3)> \u202e"));
        // the engine words its chain from the case; one more link carries outside text in a sentence's arguments
        io.tlsdoctor.core.diagnosis.Conclusion judged = poisoned.conclusion();
        List<io.tlsdoctor.core.diagnosis.EvidenceLink> chain = new ArrayList<>(judged.chain());
        chain.add(new io.tlsdoctor.core.diagnosis.EvidenceLink(
                io.tlsdoctor.core.diagnosis.CheckKind.PROBE_OUTBOUND,
                io.tlsdoctor.core.diagnosis.EvidenceLink.Bearing.SUPPORTS,
                io.tlsdoctor.core.diagnosis.Statement.of("probe.finding.outboundPathFine", "mx.example" + EVIL)));
        io.tlsdoctor.core.diagnosis.Conclusion conclusion = new io.tlsdoctor.core.diagnosis.Conclusion(
                judged.cause(), judged.confidence(), chain, judged.nextSteps(), judged.registryFix());
        summary = new SummaryBuilder().build(poisoned.caseFile(), conclusion, Messages.forLocale(Languages.ENGLISH));
        outputs = List.of(
                SummaryFormat.HTML.render(summary),
                SummaryFormat.MARKDOWN.render(summary),
                SummaryFormat.JSON.render(summary));
    }

    @Test
    void theMarkupReachedEveryKindOfExternalField() {
        List<String> poisoned = new ArrayList<>();
        RecordStrings.forEach(summary, text -> {
            if (text.contains("<script>alert(1)")) {
                poisoned.add(text);
            }
        });
        assertThat(poisoned).hasSizeGreaterThan(30);
        assertThat(summary.context().computerName()).contains("<script>");
        assertThat(summary.context().userName()).contains("<script>");
        assertThat(summary.registry().findings())
                .flatExtracting(DiagnosisSummary.RegistryFinding::values)
                .anyMatch(value ->
                        value.name().equals("ProductName") && value.value().contains("<script>"));
        assertThat(summary.symptom().excerpts().get(0).lines())
                .anyMatch(line -> line.matched() && line.text().contains("<script>"));
        assertThat(summary.handshakes().get(0).banner().get(0)).contains("<script>");
        assertThat(summary.handshakes().get(0).ehlo().get(0)).contains("<script>");
        assertThat(summary.handshakes().get(0).transcript()).anyMatch(line -> line.contains("<script>"));
        assertThat(summary.handshakes().get(0).matrix().get(0).detail()).contains("<script>");
        assertThat(summary.handshakes().get(1).certificate().chain().get(0).subject())
                .contains("<script>");
        assertThat(summary.handshakes()
                        .get(1)
                        .certificate()
                        .chain()
                        .get(0)
                        .alternativeNames()
                        .get(0))
                .contains("<script>");
        assertThat(summary.handshakes().get(1).certificate().chain().get(0).sha256())
                .contains("<script>");
        assertThat(summary.logs().remotes())
                .anyMatch(remote -> remote.connector().contains("<script>"));
        assertThat(summary.logs().example().transcript()).anyMatch(line -> line.contains("<script>"));
        assertThat(summary.logs().example().file()).contains("onerror=alert(3)");
        assertThat(summary.changes().get(0).store()).contains("<script>");
        assertThat(summary.changes().get(0).restoreFile()).contains("<script>");
        assertThat(summary.conclusion().chain()).anyMatch(link -> link.text().contains("<script>"));
    }

    @Test
    void inHtmlItIsTextNotMarkup() {
        String html = outputs.get(0);
        Document document = Jsoup.parse(html);

        assertThat(document.select("script, img, iframe, a, link, object, embed, base, form, svg, math"))
                .isEmpty();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey())
                        .as("attribute on <%s>", element.tagName())
                        .doesNotStartWith("on");
            }
        }
        assertThat(element(document, "em, strong, del, s, code")).isEmpty();
        // every <pre> the summary opened is closed by the summary, not by a log line
        assertThat(document.select("pre")).hasSize(count(html, "<pre>")).hasSize(count(html, "</pre>"));
        assertThat(document.select("pre").text())
                .contains("<script>alert(1)</script></pre></td><img src=x onerror=alert(2)>");
        assertThat(document.body().text())
                .contains("[click](http://evil.example/)", "&lt;entity&gt;", "<!-- comment -->");
        assertThat(html).doesNotContain("<script>", "<img", "<iframe", "<a ", "<!--");
    }

    @Test
    void inMarkdownItIsTextNotMarkup() {
        String markdown = outputs.get(1);
        String rendered =
                HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
        Document document = Jsoup.parse(rendered);

        assertThat(document.select("script, img, iframe, a, link, object, embed, em, del, s"))
                .isEmpty();
        for (Element element : document.getAllElements()) {
            assertThat(element.attributes().asList())
                    .extracting(Attribute::getKey)
                    .noneMatch(key -> key.startsWith("on") || key.equals("href") || key.equals("src"));
        }
        // the only bold is the summary's own labels and tags; an inline code span only if the summary made one (it
        // makes none)
        assertThat(document.select("p > code, li > code")).isEmpty();
        assertThat(document.select("strong"))
                .allSatisfy(strong -> assertThat(strong.text()).doesNotContain("strong"));
        // a backtick run in a log line does not close its fenced block: every block the summary opened holds its own
        // lines
        assertThat(document.select("pre > code").text()).contains("```` fence ````", "<script>alert(1)</script></pre>");
        assertThat(document.body().text())
                .contains(
                        "[click](http://evil.example/)",
                        "*em* _em_ **strong** ~~gone~~ `code`",
                        "<a href=\"http://evil.example/\">link</a>",
                        "&lt;entity&gt;");
        assertThat(rendered).doesNotContain("<script>", "<img", "<iframe", "<a href", "<!--");
    }

    @Test
    void controlCharactersAreShownNotActedOnInEveryFormat() {
        for (String output : outputs) {
            assertThat(output.chars().filter(c -> c < 0x20 && c != '\n').count())
                    .as("C0 controls")
                    .isZero();
            assertThat(output)
                    .doesNotContain(
                            "\u007f", "\u0085", "\u202e", "\u202c", "\u200b", "\ufeff", "\\u0000", "\\u001B",
                            "\\u001b");
            assertThat(output).contains("\u2400NUL", "\u241b[31mRED", "\u2039U+202E\u203Aevil", "\u2039U+200B\u203Azw");
        }
        // a line break inside one field does not start a new line of the document
        assertThat(outputs.get(1)).doesNotContain("\nline2").contains("\u240d line2");
    }

    @Test
    void theJsonStillReadsBackToTheSameSummary() throws Exception {
        assertThat(DiagnosisSummary.parse(outputs.get(2), "poisoned.json")).isEqualTo(summary);
        DiagnosisSummary redacted = summary.redact();
        assertThat(DiagnosisSummary.parse(SummaryFormat.JSON.render(redacted), "poisoned-redacted.json"))
                .isEqualTo(redacted);
    }

    private static List<Element> element(Document document, String query) {
        return document.select(query);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
