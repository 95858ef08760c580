package io.tlsdoctor.core.registry;

/** Where a snapshot's values came from. */
public enum SnapshotOrigin {
    /** Read from this computer's registry while TLS Doctor ran on it. */
    LIVE,
    /** Parsed from {@code reg export} / regedit files, applied in order as importing them would. */
    REG_FILES
}
