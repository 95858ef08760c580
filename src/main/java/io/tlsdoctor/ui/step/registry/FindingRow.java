package io.tlsdoctor.ui.step.registry;

import io.tlsdoctor.core.registry.FindingStatus;
import java.util.List;

/**
 * One registry finding as the step shows it, in the user's language.
 *
 * @param remediation what to do, or null when nothing needs doing
 * @param evidence    the registry values it rests on: {@code path\name = value (type)} or {@code … (absent)}
 * @param bottomLine  one of the TLS 1.2 per-role findings the verdict rests on
 * @param docsText    the Microsoft page that documents this finding, as "Microsoft: title – address"
 * @param docsAddress that page's address alone (for the clipboard)
 */
public record FindingRow(
        String id,
        FindingStatus status,
        String statusText,
        String title,
        String detail,
        String remediation,
        List<String> evidence,
        boolean bottomLine,
        String docsText,
        String docsAddress) {

    public FindingRow {
        evidence = List.copyOf(evidence);
    }

    /** The status as a style-class suffix (the view knows no core types). */
    public String statusStyle() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
