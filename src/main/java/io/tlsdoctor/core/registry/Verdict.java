package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.domain.Direction;
import java.util.List;

/**
 * The registry check's answer for one mail-flow direction.
 *
 * @param rolesNeeded the SChannel sides that direction uses (none for client submission: that is not this server)
 * @param tls12Ready  all needed sides use TLS 1.2 by default; {@code null} when unknown or not applicable
 * @param bottomLine  the {@code tls12.client}/{@code tls12.server} findings for those sides, needed side first
 */
public record Verdict(Direction direction, List<Role> rolesNeeded, Boolean tls12Ready, List<Finding> bottomLine) {}
