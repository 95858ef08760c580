package io.tlsdoctor.core.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * A conclusion being built by a rule: the cause, the chain, the next steps. The confidence is not chosen by the rule
 * but rated from the chain, so every rule follows the same standard: HIGH only when at least two independent checks
 * (not the symptom itself) support it, one step lower for every contradiction.
 */
final class Judgement {

    private final Cause cause;
    private final List<EvidenceLink> chain = new ArrayList<>();
    private final List<Statement> nextSteps = new ArrayList<>();
    private boolean registryFix;
    private Confidence fixed;

    Judgement(Cause cause) {
        this.cause = cause;
    }

    Judgement supports(CheckKind source, Statement text) {
        return link(source, EvidenceLink.Bearing.SUPPORTS, text);
    }

    Judgement contradicts(CheckKind source, Statement text) {
        return link(source, EvidenceLink.Bearing.CONTRADICTS, text);
    }

    Judgement context(CheckKind source, Statement text) {
        return link(source, EvidenceLink.Bearing.CONTEXT, text);
    }

    Judgement link(CheckKind source, EvidenceLink.Bearing bearing, Statement text) {
        if (text != null) {
            chain.add(new EvidenceLink(source, bearing, text));
        }
        return this;
    }

    Judgement add(EvidenceLink link) {
        if (link != null) {
            chain.add(link);
        }
        return this;
    }

    Judgement next(Statement step) {
        if (step != null && !nextSteps.contains(step)) {
            nextSteps.add(step);
        }
        return this;
    }

    Judgement next(String key, Object... args) {
        return next(Statement.of(key, args));
    }

    /** A step that comes before the rule's own (the checks that would settle an open diagnosis). */
    Judgement nextFirst(Statement step) {
        if (!nextSteps.contains(step)) {
            nextSteps.add(0, step);
        }
        return this;
    }

    /** Whether the chain already says this (from any check). */
    boolean mentions(Statement text) {
        return chain.stream().anyMatch(link -> link.text().equals(text));
    }

    Cause cause() {
        return cause;
    }

    Judgement registryFix() {
        this.registryFix = true;
        return this;
    }

    /** The cause is this server's SChannel settings (the Fix step changes them). */
    boolean fixesRegistry() {
        return registryFix;
    }

    /** Independent checks that support the cause (the symptom is what is being explained, so it does not count). */
    long supportingChecks() {
        return chain.stream()
                .filter(link -> link.bearing() == EvidenceLink.Bearing.SUPPORTS && link.source() != CheckKind.SYMPTOM)
                .map(EvidenceLink::source)
                .distinct()
                .count();
    }

    long contradictions() {
        return chain.stream()
                .filter(link -> link.bearing() == EvidenceLink.Bearing.CONTRADICTS)
                .count();
    }

    static Confidence rate(long supportingChecks, long contradictions) {
        long level = (supportingChecks >= 2 ? 2 : supportingChecks) - contradictions;
        return level >= 2 ? Confidence.HIGH : level == 1 ? Confidence.MEDIUM : Confidence.LOW;
    }

    /**
     * For the rare rule whose cause the evidence itself names exactly, with nothing on this server that could be
     * checked: its confidence cannot come from agreeing checks.
     */
    Judgement confidence(Confidence confidence) {
        this.fixed = confidence;
        return this;
    }

    Conclusion conclude() {
        return conclude(fixed != null ? fixed : rate(supportingChecks(), contradictions()));
    }

    private Conclusion conclude(Confidence confidence) {
        Confidence rated = cause == Cause.UNDETERMINED ? Confidence.LOW : confidence;
        // Strongest first: what supports, then what speaks against, then context.
        List<EvidenceLink> ordered = new ArrayList<>();
        for (EvidenceLink.Bearing bearing : EvidenceLink.Bearing.values()) {
            chain.stream().filter(link -> link.bearing() == bearing).forEach(ordered::add);
        }
        return new Conclusion(cause, rated, ordered, nextSteps, registryFix);
    }
}
