package io.tlsdoctor.core.registry;

/**
 * One protocol on one side of SChannel: the raw values (or {@code null} when absent) and what SChannel does.
 *
 * @param covered         the snapshot included this key (always true live); false means "not in the exports"
 * @param fromOsDefaults  at least one value was absent or unusable, so the OS default decided
 * @param dependsOnOs     the state is {@link SchannelState#UNKNOWN} because Windows versions disagree
 */
public record SideResult(
        Role role,
        String path,
        RegistryValue enabled,
        RegistryValue disabledByDefault,
        SchannelState state,
        boolean covered,
        boolean fromOsDefaults,
        boolean dependsOnOs) {

    /** Whether applications using the system defaults (Exchange does) get this protocol; {@code null} if unknown. */
    public Boolean effective() {
        return state == SchannelState.UNKNOWN ? null : state == SchannelState.ENABLED;
    }
}
