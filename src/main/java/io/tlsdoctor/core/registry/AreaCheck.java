package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * One area of the registry check (SChannel, .NET, WinHTTP, …). A new check is a subclass added to
 * {@link RegistryEvaluator}'s list, with its texts in {@code findings.json}. Made fresh for each evaluation.
 */
abstract class AreaCheck {

    protected final RegistryEvaluation evaluation;
    protected final RegistrySnapshot snapshot;
    protected final OsInfo os;
    protected final List<WindowsServer> candidates;
    protected final List<ProtocolResult> protocols;
    protected final ExchangeInfo exchange;
    protected final FindingTexts texts = FindingTexts.get();

    AreaCheck(RegistryEvaluation evaluation) {
        this.evaluation = evaluation;
        this.snapshot = evaluation.snapshot;
        this.os = evaluation.os;
        this.candidates = evaluation.candidates;
        this.protocols = evaluation.protocols;
        this.exchange = evaluation.exchange;
    }

    /** Adds this area's findings to the evaluation. */
    abstract void run();

    protected Object osName() {
        return os.known() ? os.version().displayName() : texts.word("anyOs");
    }

    protected Object shown(RegistryValue value) {
        return value == null ? texts.word("absent") : value.display();
    }

    protected LocalizedText listed(List<Evidence> values) {
        List<LocalizedText> parts = new ArrayList<>();
        for (Evidence value : values) {
            parts.add(FindingTexts.format(FindingTexts.literal("{0} = {1}"), value.location(), shown(value.value())));
        }
        return FindingTexts.join(parts, "; ");
    }

    protected static List<Evidence> sideEvidence(ProtocolResult result) {
        List<Evidence> evidence = new ArrayList<>();
        for (Role role : Role.values()) {
            SideResult side = result.side(role);
            evidence.add(new Evidence(side.path(), "Enabled", side.enabled()));
            evidence.add(new Evidence(side.path(), "DisabledByDefault", side.disabledByDefault()));
        }
        return evidence;
    }

    static Long number(RegistryValue value) {
        return value != null && value.isDword() ? value.number() : null;
    }

    protected void add(
            String id,
            String variant,
            FindingStatus status,
            List<Evidence> evidence,
            boolean dependsOnOs,
            Object... args) {
        evaluation.add(new Finding(
                id,
                variant,
                status,
                texts.headline(id, variant),
                texts.detail(id, variant, args),
                texts.remediation(id, variant, args),
                evidence,
                dependsOnOs));
    }
}
