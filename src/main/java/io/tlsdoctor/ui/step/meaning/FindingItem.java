package io.tlsdoctor.ui.step.meaning;

import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.List;

/**
 * One recognised symptom or lookalike as step 2 shows it, already in the user's language.
 *
 * @param excerpt    the evidence it is based on, or null when the user only picked the card
 * @param matchStart where the highlighted part of {@code excerpt} starts
 * @param matchEnd   where it ends (exclusive)
 * @param linesText  e.g. "Line 12" / "Lines 12, 13", or the "you picked this" note
 */
public record FindingItem(
        SymptomCode code,
        Category category,
        String categoryLabel,
        String title,
        String directionLabel,
        String directionDetail,
        String confidenceText,
        String explanation,
        String excerpt,
        int matchStart,
        int matchEnd,
        String linesText,
        List<String> causes) {

    public FindingItem {
        causes = List.copyOf(causes);
    }

    /** The symptom code's name, for the view's node ids (the view knows no core types). */
    public String codeName() {
        return code.name();
    }

    /** The category as a style-class suffix: {@code TLS_FAILURE} → {@code tls-failure}. */
    public String categoryStyle() {
        return category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean hasExcerpt() {
        return excerpt != null;
    }
}
