package io.tlsdoctor.core.fleet;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanner;
import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.ProtocolResult;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares servers: each snapshot is judged by the one-server engine ({@link RegistryEvaluator} and its area checks,
 * the {@link FixPlanner}), reduced to a row as it arrives, and dropped, so memory grows with the number of servers,
 * not with the size of their snapshots. {@link #finish()} then finds what differs.
 * Not thread-safe: one comparison is fed from one thread.
 */
public final class FleetComparison {

    /** More servers than any Exchange organisation has; beyond it a file is reported, not compared. */
    public static final int MAX_SERVERS = 5000;

    private final RegistryEvaluator evaluator = new RegistryEvaluator();
    private final FixPlanner planner;
    private final Map<String, ServerRow> rows = new LinkedHashMap<>();
    private final List<FileProblem> problems = new ArrayList<>();

    public FleetComparison(Clock clock) {
        this.planner = new FixPlanner(clock);
    }

    /**
     * Adds one server. A second snapshot of a server already added keeps the newer of the two and reports the other,
     * so a folder with yesterday's and today's files compares today's.
     */
    public void add(String source, ServerSnapshot snapshot) {
        String key = snapshot.server().toLowerCase(Locale.ROOT);
        ServerRow existing = rows.get(key);
        if (existing == null && rows.size() >= MAX_SERVERS) {
            problem(source, "fleet.file.overLimit", source, String.valueOf(MAX_SERVERS));
            return;
        }
        if (existing != null) {
            boolean newer = snapshot.collectedAt() != null
                    && existing.collectedAt() != null
                    && snapshot.collectedAt().isAfter(existing.collectedAt());
            if (!newer) {
                problem(source, "fleet.file.duplicate", source, snapshot.server(), existing.source());
                return;
            }
            problem(existing.source(), "fleet.file.duplicate", existing.source(), existing.server(), source);
        }
        rows.put(key, row(source, snapshot));
    }

    public void problem(String file, String messageKey, Object... args) {
        problems.add(new FileProblem(file, messageKey, List.of(args)));
    }

    public int servers() {
        return rows.size();
    }

    private ServerRow row(String source, ServerSnapshot snapshot) {
        RegistryReport report = evaluator.evaluate(snapshot.registry());
        List<Cell> cells = new ArrayList<>();
        for (FleetCheck check : FleetCheck.values()) {
            cells.add(cell(check, report, snapshot));
        }
        Boolean outbound = report.verdictFor(Direction.ONPREM_TO_EXO).tls12Ready();
        Boolean inbound = report.verdictFor(Direction.EXO_TO_ONPREM).tls12Ready();
        FixPlan plan = planner.plan(snapshot.registry(), report, Direction.UNKNOWN, FixPlan.Kind.ENABLE_TLS12);
        boolean needed = plan.isBlocked() || !plan.changes().isEmpty();
        return new ServerRow(
                snapshot.server(), source, snapshot.collectedAt(), cells, outbound, inbound, needed ? plan : null);
    }

    static Cell cell(FleetCheck check, RegistryReport report, ServerSnapshot snapshot) {
        return switch (check) {
            case TLS12_CLIENT -> onOff(check, report.tls12().client(), Cell.State.BAD);
            case TLS12_SERVER -> onOff(check, report.tls12().server(), Cell.State.BAD);
            case LEGACY_TLS -> legacy(report);
            case DOTNET -> status(check, report, "dotnet.v4");
            case WINHTTP -> status(check, report, "winhttp");
            case CIPHER_SUITES -> status(check, report, "ciphers.exo");
            case OS -> os(report);
            case EXCHANGE -> exchange(report);
            case RESTART -> restart(report);
            case HANDSHAKE -> handshake(snapshot.lastHandshake());
        };
    }

    private static Cell onOff(FleetCheck check, Boolean on, Cell.State whenOff) {
        if (on == null) {
            return Cell.of(check, Cell.State.UNKNOWN, "fleet.value.unknown");
        }
        return on ? Cell.of(check, Cell.State.GOOD, "fleet.value.on") : Cell.of(check, whenOff, "fleet.value.off");
    }

    /** TLS 1.0 and 1.1: on when either is on for either side (a hardening matter, never what breaks mail). */
    private static Cell legacy(RegistryReport report) {
        boolean unknown = false;
        for (Protocol protocol : List.of(Protocol.TLS_1_0, Protocol.TLS_1_1)) {
            ProtocolResult result = report.protocol(protocol);
            for (Boolean side : java.util.Arrays.asList(
                    result.client().effective(), result.server().effective())) {
                if (side == null) {
                    unknown = true;
                } else if (side) {
                    return Cell.of(FleetCheck.LEGACY_TLS, Cell.State.WARN, "fleet.value.on");
                }
            }
        }
        return unknown
                ? Cell.of(FleetCheck.LEGACY_TLS, Cell.State.UNKNOWN, "fleet.value.unknown")
                : Cell.of(FleetCheck.LEGACY_TLS, Cell.State.GOOD, "fleet.value.off");
    }

    /** A check's finding as its status word: the finding's own detail is in the one-server report. */
    private static Cell status(FleetCheck check, RegistryReport report, String findingId) {
        FindingStatus status = report.finding(findingId).map(Finding::status).orElse(null);
        if (status == null) {
            return Cell.of(check, Cell.State.UNKNOWN, "fleet.value.unknown");
        }
        return switch (status) {
            case PASS -> Cell.of(check, Cell.State.GOOD, "fleet.value.ok");
            case WARN -> Cell.of(check, Cell.State.WARN, "fleet.value.warn");
            case FAIL -> Cell.of(check, Cell.State.BAD, "fleet.value.fail");
            default -> Cell.of(check, Cell.State.UNKNOWN, "fleet.value.notSeen");
        };
    }

    private static Cell os(RegistryReport report) {
        String name = report.os().name();
        if (name == null) {
            return Cell.of(FleetCheck.OS, Cell.State.UNKNOWN, "fleet.value.unknown");
        }
        return Cell.of(FleetCheck.OS, stateOf(report, "os.support"), "fleet.value.text", name);
    }

    private static Cell exchange(RegistryReport report) {
        if (report.exchange() == null) {
            return Cell.of(
                    FleetCheck.EXCHANGE,
                    report.withoutExchange() ? Cell.State.WARN : Cell.State.UNKNOWN,
                    report.withoutExchange() ? "fleet.value.noExchange" : "fleet.value.unknown");
        }
        return Cell.of(
                FleetCheck.EXCHANGE,
                stateOf(report, "exchange.build"),
                "fleet.value.text",
                report.exchange().display());
    }

    private static Cell.State stateOf(RegistryReport report, String findingId) {
        FindingStatus status = report.finding(findingId).map(Finding::status).orElse(FindingStatus.PASS);
        return status == FindingStatus.FAIL
                ? Cell.State.BAD
                : status == FindingStatus.WARN ? Cell.State.WARN : Cell.State.GOOD;
    }

    private static Cell restart(RegistryReport report) {
        String variant = report.finding("restart.pending").map(Finding::variant).orElse("notExported");
        return switch (variant) {
            case "pending" -> Cell.of(FleetCheck.RESTART, Cell.State.WARN, "fleet.value.restartPending");
            case "none" -> Cell.of(FleetCheck.RESTART, Cell.State.GOOD, "fleet.value.noRestart");
            default -> Cell.of(FleetCheck.RESTART, Cell.State.UNKNOWN, "fleet.value.notSeen");
        };
    }

    private static Cell handshake(HandshakeRecord last) {
        if (last == null) {
            return Cell.of(FleetCheck.HANDSHAKE, Cell.State.UNKNOWN, "fleet.value.notTried");
        }
        return switch (last.outcome()) {
            case MODERN -> Cell.of(FleetCheck.HANDSHAKE, Cell.State.GOOD, "fleet.value.handshake.MODERN");
            case LEGACY -> Cell.of(FleetCheck.HANDSHAKE, Cell.State.BAD, "fleet.value.handshake.LEGACY");
            case FAILED -> Cell.of(FleetCheck.HANDSHAKE, Cell.State.BAD, "fleet.value.handshake.FAILED");
            case UNTESTED -> Cell.of(FleetCheck.HANDSHAKE, Cell.State.UNKNOWN, "fleet.value.handshake.UNTESTED");
        };
    }

    /** Every server's row (sorted by name), and what differs between them. */
    public FleetReport finish() {
        List<ServerRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(ServerRow::server, String.CASE_INSENSITIVE_ORDER));
        List<Difference> differences = new ArrayList<>();
        List<FleetCheck> agreed = new ArrayList<>();
        for (FleetCheck check : FleetCheck.values()) {
            Difference difference = Differences.of(check, sorted);
            if (difference != null) {
                differences.add(difference);
            } else if (sorted.size() > 1 && Differences.anyKnown(check, sorted)) {
                agreed.add(check);
            }
        }
        return new FleetReport(sorted, differences, agreed, problems);
    }
}
