package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One evaluation's shared facts, worked out once before the checks run: the snapshot, the OS (or every candidate when
 * it is unknown), each protocol's state and HealthChecker label, and the Exchange build. Checks add their findings here.
 */
final class RegistryEvaluation {

    final RegistrySnapshot snapshot;
    final OsInfo os;
    /** Unknown OS: every version, so a check concludes only what they all agree on. */
    final List<WindowsServer> candidates;

    final List<ProtocolResult> protocols;
    final ExchangeInfo exchange;
    private final List<Finding> findings = new ArrayList<>();

    RegistryEvaluation(RegistrySnapshot snapshot, OsInfo os) {
        this.snapshot = snapshot;
        this.os = os;
        this.candidates = os.known() ? List.of(os.version()) : List.of(WindowsServer.values());
        List<ProtocolResult> results = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            SideResult client = side(protocol, Role.CLIENT);
            SideResult server = side(protocol, Role.SERVER);
            HealthCheckerLabel label = protocol.readByHealthChecker() && client.covered() && server.covered()
                    ? SchannelRules.hcLabel(protocol, client, server)
                    : null;
            results.add(new ProtocolResult(protocol, label, client, server));
        }
        this.protocols = List.copyOf(results);
        this.exchange = readExchange();
    }

    ProtocolResult protocol(Protocol protocol) {
        return protocols.get(protocol.ordinal());
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    /** What the checks found so far, in the order they ran. */
    List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    private SideResult side(Protocol protocol, Role role) {
        String path = RegistryPaths.protocol(protocol, role);
        RegistryValue enabled = snapshot.value(path, "Enabled");
        RegistryValue disabledByDefault = snapshot.value(path, "DisabledByDefault");
        if (!snapshot.covers(path)) {
            return new SideResult(role, path, enabled, disabledByDefault, SchannelState.UNKNOWN, false, false, false);
        }
        Boolean on = SchannelRules.windowsBoolean(enabled);
        Boolean off = SchannelRules.windowsBoolean(disabledByDefault);
        Set<SchannelState> states = SchannelRules.states(candidates, protocol, role, on, off);
        boolean agreed = states.size() == 1;
        return new SideResult(
                role,
                path,
                enabled,
                disabledByDefault,
                agreed ? states.iterator().next() : SchannelState.UNKNOWN,
                true,
                on == null || off == null,
                !agreed);
    }

    private ExchangeInfo readExchange() {
        String path = RegistryPaths.EXCHANGE_SETUP;
        Long major = AreaCheck.number(snapshot.value(path, "MsiProductMajor"));
        Long minor = AreaCheck.number(snapshot.value(path, "MsiProductMinor"));
        Long build = AreaCheck.number(snapshot.value(path, "MsiBuildMajor"));
        Long revision = AreaCheck.number(snapshot.value(path, "MsiBuildMinor"));
        if (major == null || minor == null || build == null) {
            return null;
        }
        int ma = major.intValue();
        int mi = minor.intValue();
        int bu = build.intValue();
        ExchangeFacts.Product product = ExchangeFacts.get().product(ma, mi);
        String name = ExchangeFacts.get().isSubscriptionEdition(ma, mi, bu)
                ? "Exchange Server SE"
                : product != null ? product.name() : "Exchange " + ma + "." + mi;
        return new ExchangeInfo(ma, mi, bu, revision == null ? 0 : revision.intValue(), name);
    }
}
