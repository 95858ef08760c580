package io.tlsdoctor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: every registry finding links to the Microsoft page that documents it (not only each cause), titled in
 * both languages; the links are data in findings.json, and a finding added without one fails here.
 */
class FindingDocsTest {

    private static final Set<String> MICROSOFT_HOSTS = Set.of(
            "learn.microsoft.com", "support.microsoft.com", "techcommunity.microsoft.com", "microsoft.github.io");

    @Test
    void everyFindingIdHasAMicrosoftPageTitledInBothLanguages() {
        FindingTexts texts = FindingTexts.get();
        assertThat(texts.ids()).hasSizeGreaterThanOrEqualTo(18);
        for (String id : texts.ids()) {
            DocLink docs = texts.docs(id);
            assertThat(docs).as("docs of %s", id).isNotNull();
            URI address = URI.create(docs.url());
            assertThat(address.getScheme()).as("%s", id).isEqualTo("https");
            assertThat(MICROSOFT_HOSTS).as("host of %s", id).contains(address.getHost());
            assertThat(docs.title().isCompleteFor(Languages.ALL))
                    .as("title of %s in every language", id)
                    .isTrue();
        }
    }

    @Test
    void theFindingsAboutEachSettingLinkToThePageAboutThatSetting() {
        FindingTexts texts = FindingTexts.get();
        assertThat(texts.docs("tls12.client").url()).endsWith("/exchange-tls-configuration");
        assertThat(texts.docs("dotnet.v4").url()).contains("/dotnet/").contains("/tls");
        assertThat(texts.docs("winhttp").url()).contains("3140245");
        assertThat(texts.docs("ciphers.exo").url()).contains("cipher-suites");
        assertThat(texts.docs("exchange.build").url()).contains("build-numbers");
    }
}
