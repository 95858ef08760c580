package io.tlsdoctor.core.diagnosis;

import java.time.Instant;

/**
 * When, where and by whom the checks were run; the OS and Exchange build come from the registry check when it ran.
 *
 * @param computerName the machine TLS Doctor ran on (the server itself in {@link CheckMode#LIVE})
 * @param userName     the Windows user name of whoever ran it
 */
public record Provenance(Instant when, String computerName, String userName, String toolVersion, CheckMode mode) {}
