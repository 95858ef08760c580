package io.tlsdoctor.core.probe;

import java.util.List;
import java.util.Map;

/** Everything learnt about one target: the steps, what the server said, the TLS details, the matrix and the findings. */
public record TargetReport(
        ProbeTarget target,
        String ip,
        List<StepResult> steps,
        SmtpReply banner,
        boolean bannerMasked,
        List<String> ehlo,
        boolean starttlsAdvertised,
        SmtpReply starttlsReply,
        Negotiated negotiated,
        CertificateReport certificate,
        Map<TlsVersion, VersionResult> protocols,
        List<ProbeFinding> findings,
        List<String> transcript,
        long millis) {

    public TargetReport {
        steps = List.copyOf(steps);
        ehlo = List.copyOf(ehlo);
        protocols = Map.copyOf(protocols);
        findings = List.copyOf(findings);
        transcript = List.copyOf(transcript);
    }

    public StepResult step(StepName name) {
        return steps.stream().filter(step -> step.name() == name).findFirst().orElse(null);
    }

    public VersionResult protocol(TlsVersion version) {
        return protocols.get(version);
    }
}
