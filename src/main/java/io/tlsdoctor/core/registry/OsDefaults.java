package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;

/** What each Windows Server version does when SChannel and WinHTTP values are absent, from {@code os-defaults.json}. */
public final class OsDefaults {

    /** Per OS: the state per protocol and role, WinHTTP's default, and whether the default cipher list suits EXO. */
    public record Entry(
            Map<Protocol, Map<Role, SchannelState>> protocols,
            boolean winHttpTls12ByDefault,
            Boolean defaultSuitesIncludeExo) {

        public SchannelState state(Protocol protocol, Role role) {
            return protocols.get(protocol).get(role);
        }
    }

    private static final OsDefaults INSTANCE = load();

    private final Map<WindowsServer, Entry> entries;

    private OsDefaults(Map<WindowsServer, Entry> entries) {
        this.entries = entries;
    }

    public static OsDefaults get() {
        return INSTANCE;
    }

    public Entry of(WindowsServer os) {
        return entries.get(os);
    }

    private static OsDefaults load() {
        JsonNode root = Resources.read("os-defaults.json").required("os");
        Map<WindowsServer, Entry> entries = new EnumMap<>(WindowsServer.class);
        for (WindowsServer os : WindowsServer.values()) {
            JsonNode node = root.required(os.id());
            Map<Protocol, Map<Role, SchannelState>> protocols = new EnumMap<>(Protocol.class);
            for (Protocol protocol : Protocol.values()) {
                JsonNode sides = node.required("protocols").required(protocol.id());
                Map<Role, SchannelState> byRole = new EnumMap<>(Role.class);
                for (Role role : Role.values()) {
                    SchannelState state =
                            SchannelState.valueOf(sides.required(role.keyName().toLowerCase(java.util.Locale.ROOT))
                                    .asText());
                    if (state == SchannelState.UNKNOWN) {
                        throw new IllegalStateException(
                                "os-defaults.json: UNKNOWN is not a default, " + os.id() + " " + protocol.id());
                    }
                    byRole.put(role, state);
                }
                protocols.put(protocol, Map.copyOf(byRole));
            }
            JsonNode suites = node.required("defaultSuitesIncludeExo");
            entries.put(
                    os,
                    new Entry(
                            Map.copyOf(protocols),
                            node.required("winHttpTls12ByDefault").asBoolean(),
                            suites.isNull() ? null : suites.asBoolean()));
        }
        return new OsDefaults(entries);
    }
}
