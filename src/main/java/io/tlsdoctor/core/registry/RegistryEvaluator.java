package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges a {@link RegistrySnapshot}: HealthChecker-compatible labels, the state SChannel really uses (OS defaults
 * for absent values), and findings, bottom line first. Pure: the same snapshot and OS give the same report.
 */
public final class RegistryEvaluator {

    /**
     * The areas in the order a reader wants them, bottom line (TLS 1.2) first. The OS area runs last, because it names
     * the findings that depended on the OS, but it reads best before Exchange's.
     */
    private enum Area {
        SCHANNEL(SchannelCheck::new),
        VALUE_TYPES(ValueTypesCheck::new),
        DOTNET(DotNetCheck::new),
        WINHTTP(WinHttpCheck::new),
        CIPHER_SUITES(CipherSuiteCheck::new),
        OS(OsSupportCheck::new),
        EXCHANGE(ExchangeBuildCheck::new),
        RESTART(RestartCheck::new);

        private final Function<RegistryEvaluation, AreaCheck> check;

        Area(Function<RegistryEvaluation, AreaCheck> check) {
            this.check = check;
        }

        boolean runsLast() {
            return this == OS;
        }
    }

    private static final List<Area> RUN_ORDER = Arrays.stream(Area.values())
            .sorted(Comparator.comparing(Area::runsLast))
            .toList();

    /** Evaluates with the OS the snapshot names, or none. */
    public RegistryReport evaluate(RegistrySnapshot snapshot) {
        return evaluate(snapshot, null);
    }

    /** @param givenOs the OS the user named; it wins over the snapshot's, which is then only compared */
    public RegistryReport evaluate(RegistrySnapshot snapshot, WindowsServer givenOs) {
        OsInfo os = OsInfo.detect(snapshot, givenOs);
        RegistryEvaluation evaluation = new RegistryEvaluation(snapshot, os);
        Map<Area, List<Finding>> byArea = new EnumMap<>(Area.class);
        for (Area area : RUN_ORDER) {
            int before = evaluation.findings().size();
            area.check.apply(evaluation).run();
            byArea.put(
                    area,
                    List.copyOf(evaluation
                            .findings()
                            .subList(before, evaluation.findings().size())));
        }
        List<Finding> findings = new ArrayList<>();
        for (Area area : Area.values()) {
            findings.addAll(byArea.get(area));
        }
        ProtocolResult tls12 = evaluation.protocol(Protocol.TLS_1_2);
        return new RegistryReport(
                snapshot.origin(),
                os,
                evaluation.exchange,
                evaluation.protocols,
                new Tls12(tls12.client().effective(), tls12.server().effective()),
                findings);
    }
}
