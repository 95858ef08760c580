package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** The escaping rules on their own, judged where it matters by a real CommonMark parser. */
class SafeTextTest {

    private static String commonMark(String markdown) {
        return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
    }

    @Test
    void aLineOfBackticksInRawDataCannotCloseItsBlock() {
        MarkdownSink sink = new MarkdownSink();
        sink.begin("en", "t");
        sink.code(List.of("```", "````", "`````  ", "<b>after</b>"));
        String markdown = sink.finish("end");

        assertThat(markdown).contains("``````text\n```\n````\n`````  \n<b>after</b>\n``````");
        assertThat(commonMark(markdown))
                .contains(
                        "<pre><code class=\"language-text\">```\n````\n`````  \n&lt;b&gt;after&lt;/b&gt;\n</code></pre>");
    }

    @Test
    void textThatLooksLikeStructureAtTheStartOfALineStaysText() {
        for (String text : List.of(
                "- not a list",
                "+ not a list",
                "1. not a list",
                "42) nor this",
                "# no heading",
                "> no quote",
                "=== no underline",
                "   - indented")) {
            String html = commonMark(SafeText.markdown(text) + "\n");
            assertThat(html).as(text).startsWith("<p>").doesNotContain("<li>", "<h1>", "<blockquote>", "<ol", "<ul>");
        }
    }

    @Test
    void plainTextKeepsItsLooksWhereMarkdownWouldNotActAnyway() {
        assertThat(SafeText.markdownInline("SP_PROT_TLS1_2_CLIENT at HKLM\\SYSTEM\\CurrentControlSet 1.2"))
                .isEqualTo("SP_PROT_TLS1_2_CLIENT at HKLM\\SYSTEM\\CurrentControlSet 1.2");
        assertThat(SafeText.markdownInline("_em_ \\*x\\ a*b*")).isEqualTo("\\_em\\_ \\\\\\*x\\ a\\*b\\*");
        assertThat(commonMark(SafeText.markdown("_em_ \\*x\\ a*b* C:\\Users\\") + "\n"))
                .isEqualTo("<p>_em_ \\*x\\ a*b* C:\\Users\\</p>\n");
    }

    @Test
    void controlCharactersBecomeVisibleOnceAndOnlyOnce() {
        String text = "a\u0000b\u001b[1mc\u202ed\u200be\ud800f\tg\nh\u0085i\ud83d\ude00j\udb40\udc41k";
        String shown = SafeText.visible(text);

        assertThat(shown)
                .isEqualTo(
                        "a\u2400b\u241b[1mc\u2039U+202E\u203Ad\u2039U+200B\u203Ae\ufffdf g h\u2039U+0085\u203Ai\ud83d\ude00j\u2039U+E0041\u203Ak");
        assertThat(SafeText.visible(shown)).isEqualTo(shown);
        assertThat(SafeText.html("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
