package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redaction holds for every name the case knows, wherever and however it appears: the identifier-rich case leaks
 * none of its {@link IdentifierRichCase#IDENTIFIERS} in Markdown, HTML or JSON, and every text field of the summary,
 * including one added later, is rewritten.
 */
class RedactionLeakTest {

    private static DiagnosisSummary original;
    private static Map<SummaryFormat, String> redacted;

    @BeforeAll
    static void build() {
        original = new IdentifierRichCase(Path.of("target", "identifier-case")).summary();
        DiagnosisSummary hidden = original.redact();
        redacted = new LinkedHashMap<>();
        for (SummaryFormat format : List.of(SummaryFormat.MARKDOWN, SummaryFormat.HTML, SummaryFormat.JSON)) {
            redacted.put(format, format.render(hidden));
        }
        try { // for a reader to judge what is left
            java.nio.file.Files.writeString(
                    Path.of("target", "identifier-case", "redacted.md"), redacted.get(SummaryFormat.MARKDOWN));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text as a reader sees it: entities and escapes undone, so an escaped name still counts as there. */
    static String readable(String output) {
        return output.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("\\\"", "\"")
                .replaceAll("\\\\([\\\\\\p{Punct}])", "$1")
                .toLowerCase(Locale.ROOT);
    }

    static List<String> leaks(String output, List<String> identifiers) {
        String text = readable(output);
        return identifiers.stream()
                .filter(name -> text.contains(name.toLowerCase(Locale.ROOT)))
                .toList();
    }

    @Test
    void thePlainSummaryHoldsEveryIdentifierSoTheTestMeansSomething() {
        assertThat(IdentifierRichCase.IDENTIFIERS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(leaks(SummaryFormat.JSON.render(original), IdentifierRichCase.IDENTIFIERS))
                .containsExactlyElementsOf(IdentifierRichCase.IDENTIFIERS);
    }

    @Test
    void noIdentifierIsLeftInMarkdownHtmlOrJson() {
        redacted.forEach((format, output) -> assertThat(leaks(output, IdentifierRichCase.IDENTIFIERS))
                .as("identifiers left in the redacted %s", format)
                .isEmpty());
    }

    @Test
    void whatAReaderNeedsSurvives() {
        redacted.forEach((format, output) -> assertThat(readable(output))
                .as(format.toString())
                .contains(
                        "15.1.2507.39",
                        "tls 1.2",
                        "421 4.4.2",
                        "remote(socketerror)",
                        "send20261127-1.log",
                        "schannel\\protocols\\tls 1.2\\client",
                        "tls_ecdhe_rsa_with_aes_256_gcm_sha384",
                        "microsoft esmtp mail service ready",
                        "sha256withrsa"));
    }

    @Test
    void aPlainNdrReadOnAHelpdeskDesktopLeaksNothing() {
        String ndr = IdentifierRichCase.ndr();
        CaseFile caseFile = CaseFile.builder(
                        new Provenance(IdentifierRichCase.WHEN, "HD-PC17", "helpdesk", "0.9.0", CheckMode.OFFLINE))
                .recognition(new EvidenceRecognizer(SymptomCatalog.load()).recognize(EvidenceText.pasted(ndr)))
                .evidenceText(ndr)
                .direction(Direction.ONPREM_TO_EXO)
                .build();
        DiagnosisSummary summary = new SummaryBuilder()
                .build(caseFile, new DiagnosisEngine().conclude(caseFile), Messages.forLocale(Languages.ENGLISH));
        List<String> inTheNdr = leaks(SummaryFormat.JSON.render(summary), IdentifierRichCase.IDENTIFIERS);
        assertThat(inTheNdr).hasSizeGreaterThanOrEqualTo(20);
        DiagnosisSummary hidden = summary.redact();
        for (SummaryFormat format : List.of(SummaryFormat.MARKDOWN, SummaryFormat.HTML, SummaryFormat.JSON)) {
            assertThat(leaks(format.render(hidden), inTheNdr))
                    .as(format.toString())
                    .isEmpty();
        }
    }

    // == Every field, including one added later ==

    private static final String KNOWN = "EXCH2016 CONTOSOLAB\\svc_exch was here";

    /**
     * Builds a summary by reflection with the server's and user's names in every String the record tree has, so a
     * component added to any part of {@link DiagnosisSummary} later is filled too, and requires every one of them
     * rewritten. Redaction that listed the parts by hand would miss a new one.
     */
    @Test
    void everyTextFieldOfTheSummaryIsRedactedIncludingOnesAddedLater() {
        DiagnosisSummary everywhere = (DiagnosisSummary) filled(DiagnosisSummary.class);
        List<String> before = new ArrayList<>();
        RecordStrings.forEach(everywhere, before::add);
        assertThat(before.stream().filter(KNOWN::equals).count())
                .as("string fields filled")
                .isGreaterThan(60);

        DiagnosisSummary hidden = everywhere.redact();

        List<String> after = new ArrayList<>();
        RecordStrings.forEach(hidden, after::add);
        assertThat(after).hasSameSizeAs(before);
        assertThat(after)
                .noneMatch(text -> text.toLowerCase(Locale.ROOT).contains("exch2016")
                        || text.toLowerCase(Locale.ROOT).contains("svc_exch")
                        || text.toLowerCase(Locale.ROOT).contains("contosolab"));
        assertThat(after.stream()
                        .filter("host-1 domain-1\\user-1 was here"::equals)
                        .count())
                .isEqualTo(before.stream().filter(KNOWN::equals).count());
        assertThat(hidden.schema()).isEqualTo(everywhere.schema());
        assertThat(hidden.language()).isEqualTo(everywhere.language());
        assertThat(hidden.redacted()).isTrue();
    }

    private static Object filled(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return KNOWN;
        }
        if (raw == List.class) {
            return List.of(filled(((ParameterizedType) type).getActualTypeArguments()[0]));
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Boolean.FALSE;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == DiagnosisSummary.Context.class) {
            return new DiagnosisSummary.Context(
                    KNOWN, "EXCH2016", "CONTOSOLAB\\svc_exch", CheckMode.LIVE, KNOWN, KNOWN, KNOWN, KNOWN, KNOWN);
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = filled(components[i].getGenericType());
                types[i] = components[i].getType();
            }
            if (raw == DiagnosisSummary.class) {
                args[0] = DiagnosisSummary.SCHEMA;
                args[1] = "en";
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                return canonical.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(raw.getName(), e);
            }
        }
        return null;
    }
}
