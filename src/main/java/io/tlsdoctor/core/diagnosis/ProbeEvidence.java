package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.TargetReport;

/**
 * One probed target as the diagnosis sees it.
 *
 * @param direction which mail flow the handshake stands for (outbound: to Exchange Online; inbound: to this server)
 * @param report    what the Java handshake learnt
 * @param schannel  the same handshake through this machine's SChannel (Windows only), or null when not run
 */
public record ProbeEvidence(Direction direction, TargetReport report, ProbeFinding schannel) {}
