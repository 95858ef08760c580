package io.tlsdoctor.core.registry;

/** What SChannel will actually do with one protocol on one side. */
public enum SchannelState {
    /** Offered by default: Exchange and .NET with SystemDefaultTlsVersions use it. */
    ENABLED,
    /** Enabled, but only for applications that ask for it by name; Exchange does not. */
    DISABLED_BY_DEFAULT,
    /** Switched off. */
    DISABLED,
    /** This Windows version's SChannel does not implement it, whatever the registry says. */
    NOT_SUPPORTED,
    /** It depends on something the snapshot does not say: the OS, or keys missing from the exports. */
    UNKNOWN
}
