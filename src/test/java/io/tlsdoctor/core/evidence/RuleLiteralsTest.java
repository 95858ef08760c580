package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The literal words a pattern cannot match without: a second prefilter, so it must never leave out a word that a
 * match can lack (then a failure row would go uncounted), and it must rule out the EHLO replies it was made for.
 */
class RuleLiteralsTest {

    @Test
    void takesTheTopLevelWordsLongestFirstAndCutsAtSpacesAndQuantifiers() {
        assertThat(RuleLiterals.of("451 5\\.7\\.3 Must issue a STARTTLS command first"))
                .containsExactly("starttls", "command", "5.7.3");
        assertThat(RuleLiterals.of("abcd?efgh"))
                .as("a quantified letter may be absent")
                .containsExactly("efgh", "abc");
        assertThat(RuleLiterals.of("abc{0,3}defg")).containsExactly("defg");
        assertThat(RuleLiterals.of("Socket(?:TimedOut|ConnectionRefused)(?![A-Za-z])"))
                .containsExactly("socket");
        assertThat(RuleLiterals.of("550 5\\.7\\.(?:64 Tenant|51 Inbound)")).containsExactly("5.7.", "550");
        assertThat(RuleLiterals.of("220[ -]\\*{4,200}"))
                .as("a class and a repeated star")
                .containsExactly("220");
        assertThat(RuleLiterals.of("[]abc]defg"))
                .as("a ']' first in a class is a member")
                .containsExactly("defg");
    }

    @Test
    void givesNothingForWhatItCannotBeSureOf() {
        assertThat(RuleLiterals.of("connection refused|timed out"))
                .as("a top-level alternative")
                .isEmpty();
        assertThat(RuleLiterals.of("(?x)con nection")).as("an inline flag").isEmpty();
        assertThat(RuleLiterals.of("\\Qa|b\\E tail")).as("a quoted section").isEmpty();
        assertThat(RuleLiterals.of("\\x41bcdef"))
                .as("an escape for another character")
                .isEmpty();
        assertThat(RuleLiterals.of("ab\\p{Alpha}cd")).isEmpty();
        assertThat(RuleLiterals.of("(unclosed group")).isEmpty();
    }

    /** Every catalogue rule's words occur in what its pattern matches in each of its examples. */
    @Test
    void everyWordOfEveryRuleIsInEachMatchOfItsExamples() {
        int rulesWithWords = 0;
        for (SymptomCatalog.Rule rule : SymptomCatalog.load().rules()) {
            var words = RuleLiterals.of(rule.spec().pattern());
            rulesWithWords += words.isEmpty() ? 0 : 1;
            assertThat(rule.spec().examples()).as(rule.spec().id()).isNotEmpty();
            for (String example : rule.spec().examples()) {
                Matcher m = rule.pattern().matcher(example);
                assertThat(m.find()).as(rule.spec().id() + ": " + example).isTrue();
                do {
                    String matched = m.group().toLowerCase(Locale.ROOT);
                    assertThat(matched).as(rule.spec().id()).contains(words);
                    String shouted = m.group().toUpperCase(Locale.ROOT);
                    assertThat(rule.pattern().matcher(shouted).find()).isTrue();
                    assertThat(shouted.toLowerCase(Locale.ROOT)).contains(words);
                } while (m.find());
            }
        }
        assertThat(rulesWithWords).as("the filter is used at all").isGreaterThan(30);
    }

    @Test
    void theRowFilterRulesOutAnEhloReplyButNotTheFailuresNextToIt() {
        ProtocolLogLineClassifier classifier = new ProtocolLogLineClassifier(SymptomCatalog.load());
        String ehlo = "250  EX01.contoso.com Hello [77.39.80.65] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES"
                + " STARTTLS X-ANONYMOUSTLS AUTH NTLM 8BITMIME BINARYMIME CHUNKING SMTPUTF8";
        assertThat(rowMayMatch(classifier, ehlo, "", true)).isFalse();
        assertThat(rowMayMatch(classifier, ehlo, "", false)).isFalse();
        assertThat(classifier.classify(ehlo, true)).isEmpty();
        assertThat(rowMayMatch(classifier, "451 5.7.3 Must issue a STARTTLS command first", "", true))
                .isTrue();
        assertThat(rowMayMatch(classifier, "", "TLS negotiation failed with error SocketError", false))
                .isTrue();
        // words split over the two columns still count: the classifier reads them joined by a space
        assertThat(rowMayMatch(classifier, "451 5.7.3 Must issue a", "STARTTLS command first", true))
                .isTrue();
        assertThat(classifier.classify("451 5.7.3 Must issue a STARTTLS command first", true))
                .isNotEmpty();
        for (SymptomCatalog.Rule rule : SymptomCatalog.load().rules()) {
            for (String example : rule.spec().examples()) {
                boolean matchesInSome = !classifier.classify(example, true).isEmpty();
                if (matchesInSome) {
                    assertThat(rowMayMatch(classifier, example, "", true))
                            .as(rule.spec().id())
                            .isTrue();
                    assertThat(rowMayMatch(classifier, "", example, true))
                            .as(rule.spec().id())
                            .isTrue();
                }
                if (!classifier.classify(example, false).isEmpty()) {
                    assertThat(rowMayMatch(classifier, example, "", false))
                            .as(rule.spec().id())
                            .isTrue();
                }
            }
        }
    }

    private static boolean rowMayMatch(
            ProtocolLogLineClassifier classifier, String data, String context, boolean receive) {
        byte[] bytes = ("x," + data + "," + context + ",y").getBytes(StandardCharsets.UTF_8);
        int dataFrom = 2;
        int dataTo = dataFrom + data.getBytes(StandardCharsets.UTF_8).length;
        int contextFrom = dataTo + 1;
        int contextTo = contextFrom + context.getBytes(StandardCharsets.UTF_8).length;
        return classifier.mayMatch(bytes, dataFrom, dataTo, contextFrom, contextTo, receive);
    }
}
