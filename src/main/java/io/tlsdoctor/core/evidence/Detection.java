package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;
import java.util.List;

/**
 * One thing recognised in the evidence: all places where the same code was found for the same direction.
 *
 * @param lines       1-based line numbers in the text as read (the first ones, at most {@link #MAX_LINES})
 * @param occurrences how many times it was found, which can be more than {@code lines.size()}
 * @param excerpt     the text of the first place it was found, shortened around the match
 * @param matchStart  where the matched text starts in {@code excerpt} (for highlighting)
 * @param matchEnd    where it ends (exclusive)
 */
public record Detection(
        SymptomCode code,
        Category category,
        Direction direction,
        double confidence,
        List<Integer> lines,
        int occurrences,
        String excerpt,
        int matchStart,
        int matchEnd) {

    public static final int MAX_LINES = 200;

    public Detection {
        lines = List.copyOf(lines);
    }

    public String matchedText() {
        return excerpt.substring(matchStart, matchEnd);
    }
}
