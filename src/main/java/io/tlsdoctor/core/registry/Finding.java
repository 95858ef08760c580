package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;
import java.util.List;

/**
 * One conclusion of the registry check. {@code id} is stable (tests, JSON consumers and the wizard key on it);
 * {@code variant} says which of its outcomes applied. Texts are already filled in for every language.
 *
 * @param remediation what to do; {@code null} when nothing needs doing
 * @param dependsOnOs the outcome would differ between Windows versions and the version is not known
 */
public record Finding(
        String id,
        String variant,
        FindingStatus status,
        LocalizedText title,
        LocalizedText detail,
        LocalizedText remediation,
        List<Evidence> evidence,
        boolean dependsOnOs) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
