package io.tlsdoctor.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which charset standard output is written in: the console's when there is one, else its code page, else OEM. */
class CodePagesTest {

    private static final Charset CP850 = CodePages.forCodePage(850).orElseThrow();
    private static final Charset CP437 = CodePages.forCodePage(437).orElseThrow();

    @Test
    void theJdksOwnWordComesFirstThenTheConsoleThenItsCodePageThenOem() {
        assertThat(CodePages.choose("UTF-8", CP850, 850, CP437)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CodePages.choose(null, CP850, 437, CP437)).isEqualTo(CP850);
        // redirected in a console set to chcp 65001: PowerShell decodes UTF-8 then
        assertThat(CodePages.choose(null, null, 65001, CP437)).isEqualTo(StandardCharsets.UTF_8);
        // no console at all (started by a service or the wizard): the OEM code page
        assertThat(CodePages.choose(null, null, 0, CP850)).isEqualTo(CP850);
        assertThat(CodePages.choose("no-such-charset", null, 0, CP850)).isEqualTo(CP850);
    }
}
