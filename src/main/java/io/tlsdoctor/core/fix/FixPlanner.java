package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryView;
import io.tlsdoctor.core.registry.Role;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.LocalizedText;
import io.tlsdoctor.core.text.Messages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a registry check into the smallest set of changes that makes TLS 1.2 work (Microsoft's values: SCHANNEL
 * {@code TLS 1.2\Client|Server} Enabled=1, DisabledByDefault=0; .NET v4 and v2 SystemDefaultTlsVersions=1,
 * SchUseStrongCrypto=1 in both views), or the separate, optional hardening plan. A server whose Windows or Exchange
 * cannot do TLS 1.2 gets the updates as blockers instead of values.
 */
public final class FixPlanner {

    private static final List<String> DOTNET_VALUES = List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto");

    private final Clock clock;

    public FixPlanner(Clock clock) {
        this.clock = clock;
    }

    public FixPlan plan(RegistrySnapshot snapshot, RegistryReport report, Direction direction, FixPlan.Kind kind) {
        return kind == FixPlan.Kind.HARDEN
                ? harden(snapshot, report, direction)
                : enableTls12(snapshot, report, direction);
    }

    private FixPlan enableTls12(RegistrySnapshot snapshot, RegistryReport report, Direction direction) {
        List<LocalizedText> blockers = new ArrayList<>();
        for (String id : List.of("os.support", "exchange.build")) {
            report.finding(id)
                    .filter(f -> f.status() == FindingStatus.FAIL)
                    .map(FixPlanner::blockerOf)
                    .ifPresent(blockers::add);
        }
        List<LocalizedText> notes = new ArrayList<>(List.of(text("fix.note.restart")));
        if (!blockers.isEmpty()) {
            return new FixPlan(
                    FixPlan.SCHEMA,
                    FixPlan.Kind.ENABLE_TLS12,
                    direction,
                    clock.instant(),
                    snapshot.sources(),
                    List.of(),
                    blockers,
                    notes);
        }
        Map<String, PlannedChange> changes = new LinkedHashMap<>();
        for (Role role : rolesInOrder(direction)) {
            if (Boolean.TRUE.equals(report.tls12().forRole(role))) {
                continue; // already works: the smallest plan leaves it alone
            }
            String key = RegistryPaths.protocol(Protocol.TLS_1_2, role);
            String roleWord = role.keyName();
            add(changes, snapshot, new RegistryLocation(key, "Enabled"), 1, text("fix.why.tls12.enabled", roleWord));
            add(
                    changes,
                    snapshot,
                    new RegistryLocation(key, "DisabledByDefault"),
                    0,
                    text("fix.why.tls12.disabledByDefault", roleWord));
        }
        for (String version : List.of(RegistryPaths.DOTNET_V4, RegistryPaths.DOTNET_V2)) {
            for (RegistryView view : RegistryView.values()) {
                for (String name : DOTNET_VALUES) {
                    add(
                            changes,
                            snapshot,
                            new RegistryLocation(RegistryPaths.dotNet(version, view), name),
                            1,
                            text(
                                    "fix.why.dotnet." + name,
                                    version,
                                    view == RegistryView.NATIVE ? "64-bit" : "32-bit, Wow6432Node"));
                }
            }
        }
        if (changes.isEmpty()) {
            notes.add(0, text("fix.note.nothingToDo"));
        }
        return new FixPlan(
                FixPlan.SCHEMA,
                FixPlan.Kind.ENABLE_TLS12,
                direction,
                clock.instant(),
                snapshot.sources(),
                new ArrayList<>(changes.values()),
                List.of(),
                notes);
    }

    /** TLS 1.0/1.1 off on both sides: never the default, and only once TLS 1.2 works both ways. */
    private FixPlan harden(RegistrySnapshot snapshot, RegistryReport report, Direction direction) {
        List<LocalizedText> notes = new ArrayList<>(
                List.of(text("fix.note.harden.partners"), text("fix.note.harden.clients"), text("fix.note.restart")));
        if (!Boolean.TRUE.equals(report.tls12().client())
                || !Boolean.TRUE.equals(report.tls12().server())) {
            return new FixPlan(
                    FixPlan.SCHEMA,
                    FixPlan.Kind.HARDEN,
                    direction,
                    clock.instant(),
                    snapshot.sources(),
                    List.of(),
                    List.of(text("fix.blocker.tls12First")),
                    notes);
        }
        Map<String, PlannedChange> changes = new LinkedHashMap<>();
        for (Protocol protocol : List.of(Protocol.TLS_1_0, Protocol.TLS_1_1)) {
            for (Role role : Role.values()) {
                String key = RegistryPaths.protocol(protocol, role);
                add(
                        changes,
                        snapshot,
                        new RegistryLocation(key, "Enabled"),
                        0,
                        text("fix.why.harden.enabled", protocol.keyName(), role.keyName()));
                add(
                        changes,
                        snapshot,
                        new RegistryLocation(key, "DisabledByDefault"),
                        1,
                        text("fix.why.harden.disabledByDefault", protocol.keyName(), role.keyName()));
            }
        }
        return new FixPlan(
                FixPlan.SCHEMA,
                FixPlan.Kind.HARDEN,
                direction,
                clock.instant(),
                snapshot.sources(),
                new ArrayList<>(changes.values()),
                List.of(),
                notes);
    }

    private static void add(
            Map<String, PlannedChange> changes,
            RegistrySnapshot snapshot,
            RegistryLocation location,
            long target,
            LocalizedText why) {
        RegistryValue current = snapshot.value(location.keyPath(), location.name());
        if (current != null && current.isDword() && current.number() == target) {
            return; // already right
        }
        boolean known = current != null || snapshot.covers(location.keyPath());
        changes.putIfAbsent(
                location.key(), new PlannedChange(location, current, known, RegistryValue.dword(target), why));
    }

    /** The side the symptom needs first; Exchange both sends and receives, so the other side follows if broken. */
    private static List<Role> rolesInOrder(Direction direction) {
        return direction == Direction.EXO_TO_ONPREM
                ? List.of(Role.SERVER, Role.CLIENT)
                : List.of(Role.CLIENT, Role.SERVER);
    }

    /** What is too old and which update comes first: the finding's detail names the build, its remediation the step. */
    private static LocalizedText blockerOf(Finding finding) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (java.util.Locale locale : Languages.ALL) {
            String remediation = Optional.ofNullable(finding.remediation())
                    .map(r -> " " + r.in(locale))
                    .orElse("");
            byLanguage.put(locale.getLanguage(), finding.detail().in(locale) + remediation);
        }
        return new LocalizedText(byLanguage);
    }

    /** A text from the message bundles in every language, so the plan file explains itself to any reader. */
    static LocalizedText text(String key, Object... args) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (java.util.Locale locale : Languages.ALL) {
            byLanguage.put(locale.getLanguage(), Messages.forLocale(locale).get(key, args));
        }
        return new LocalizedText(byLanguage);
    }
}
