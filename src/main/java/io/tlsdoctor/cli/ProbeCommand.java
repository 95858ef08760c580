package io.tlsdoctor.cli;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.probe.CertificateInfo;
import io.tlsdoctor.core.probe.CertificateReport;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.DnsServer;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeOptions;
import io.tlsdoctor.core.probe.ProbeReport;
import io.tlsdoctor.core.probe.ProbeRequest;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.Targets;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.schannel.SchannelProbe;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsdoctor probe}: the SMTP STARTTLS test from the command line, as text or {@code tlsdoctor.probe/1} JSON.
 * Exits 0 whenever the probe ran, whatever it found; 2 when the command line is wrong.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class ProbeCommand implements Callable<Integer> {

    public static final String JSON_SCHEMA = "tlsdoctor.probe/1";

    private final CliContext context;

    @Option(names = "--host", paramLabel = "HOST", descriptionKey = "cli.probe.option.host")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "cli.probe.option.port")
    String port;

    @Option(names = "--mx", paramLabel = "DOMAIN", descriptionKey = "cli.probe.option.mx")
    String mx;

    @Option(names = "--direction", paramLabel = "outbound|inbound", descriptionKey = "cli.probe.option.direction")
    String direction;

    @Option(names = "--timeout", paramLabel = "SECONDS", descriptionKey = "cli.probe.option.timeout")
    String timeout;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", descriptionKey = "cli.probe.option.connectTimeout")
    String connectTimeout;

    @Option(names = "--dns-server", paramLabel = "HOST:PORT", descriptionKey = "cli.probe.option.dnsServer")
    String dnsServer;

    @Option(names = "--json", descriptionKey = "cli.probe.option.json")
    boolean json;

    public ProbeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Messages messages = context.messages();
        Direction flow = parseDirection(messages);
        int targetPort = ProbeArguments.port(port, messages);
        ProbeOptions options = ProbeOptions.defaults(flow)
                .withTimeouts(
                        ProbeArguments.seconds(connectTimeout, ProbeOptions.DEFAULT_CONNECT, messages),
                        ProbeArguments.seconds(timeout, ProbeOptions.DEFAULT_TARGET, messages));
        if (dnsServer != null) {
            DnsServer server = DnsServer.parse(dnsServer);
            if (server == null) {
                throw new UsageException(messages.get("cli.probe.error.dnsServer", dnsServer));
            }
            options = options.withDnsServer(server);
        }
        ProbeRequest request = request(flow, targetPort, messages);
        ProbeReport report = new ProbeEngine(io.tlsdoctor.platform.ThisMachineTrust.judges())
                .run(request, options, io.tlsdoctor.core.probe.ProbeListener.NONE);
        // The same handshake through this machine's SChannel: what Exchange itself would negotiate.
        SchannelProbe probe = SchannelProbe.forThisMachine();
        Map<TargetReport, ProbeFinding> schannel = new java.util.IdentityHashMap<>();
        for (TargetReport target : report.targets()) {
            schannel.put(
                    target,
                    probe.handshake(target.target().host(), target.target().port(), options.targetTimeout()));
        }
        if (json) {
            context.out().println(Json.prettyAscii(toJson(report, schannel, messages)));
        } else {
            printText(report, flow, schannel, messages, context.out());
        }
        context.out().flush();
        return ExitCodes.OK;
    }

    private ProbeRequest request(Direction flow, int targetPort, Messages messages) {
        if (mx != null && !hosts.isEmpty()) {
            throw new UsageException(messages.get("cli.probe.error.both"));
        }
        if (mx != null) {
            String domain = mx.trim();
            if (!Targets.isValidHost(domain) || Targets.isAddressLiteral(domain)) {
                throw new UsageException(messages.get("cli.probe.error.domain", mx));
            }
            return ProbeRequest.mx(domain, targetPort);
        }
        List<String> names = new ArrayList<>(hosts);
        if (names.isEmpty()) {
            if (flow != Direction.EXO_TO_ONPREM) {
                throw new UsageException(messages.get("cli.probe.error.noTarget"));
            }
            names.add("localhost");
        }
        List<ProbeTarget> targets = new ArrayList<>();
        for (String name : names) {
            String host = name.trim();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (!Targets.isValidHost(host)) {
                throw new UsageException(messages.get("cli.probe.error.host", name));
            }
            targets.add(ProbeTarget.direct(host, targetPort));
        }
        return ProbeRequest.hosts(targets);
    }

    private Direction parseDirection(Messages messages) {
        if (direction == null || direction.equalsIgnoreCase("outbound")) {
            return Direction.ONPREM_TO_EXO;
        }
        if (direction.equalsIgnoreCase("inbound")) {
            return Direction.EXO_TO_ONPREM;
        }
        throw new UsageException(messages.get("cli.probe.error.direction", direction));
    }

    // --- JSON ------------------------------------------------------------------------------------------------------

    static Map<String, Object> toJson(ProbeReport report, Map<TargetReport, ProbeFinding> schannel, Messages messages) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", JSON_SCHEMA);
        List<Object> targets = new ArrayList<>();
        for (TargetReport target : report.targets()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("host", target.target().host());
            item.put("port", target.target().port());
            item.put("ip", target.ip());
            List<Object> steps = new ArrayList<>();
            for (StepResult step : target.steps()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", step.name().id());
                entry.put("status", step.status().name());
                entry.put("ms", step.millis());
                entry.put("detail", text(step.detail(), messages));
                steps.add(entry);
            }
            item.put("steps", steps);
            item.put("banner", target.banner() == null ? null : target.banner().raw());
            item.put("ehlo", target.ehlo());
            item.put("starttlsAdvertised", target.starttlsAdvertised());
            item.put(
                    "negotiated",
                    target.negotiated() == null
                            ? null
                            : Map.of(
                                    "protocol",
                                    target.negotiated().protocol(),
                                    "cipher",
                                    target.negotiated().cipher()));
            item.put("certificate", certificate(target.certificate()));
            Map<String, Object> protocols = new LinkedHashMap<>();
            for (TlsVersion version : TlsVersion.values()) {
                VersionResult result = target.protocol(version);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("result", result.outcome().name());
                cell.put("cipher", result.cipher());
                cell.put("detail", text(result.detail(), messages));
                protocols.put(version.jsseName(), cell);
            }
            item.put("protocols", protocols);
            List<Object> findings = new ArrayList<>();
            List<ProbeFinding> all = new ArrayList<>(target.findings());
            if (schannel.get(target) != null) {
                all.add(schannel.get(target));
            }
            for (ProbeFinding finding : all) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", finding.id());
                entry.put("severity", finding.severity().name());
                entry.put("text", text(finding.text(), messages));
                findings.add(entry);
            }
            item.put("findings", findings);
            targets.add(item);
        }
        root.put("targets", targets);
        return root;
    }

    private static Map<String, Object> certificate(CertificateReport report) {
        if (report == null || report.leaf() == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>(certificateInfo(report.leaf()));
        map.put("trusted", report.trusted());
        map.put("trustProblem", report.trustProblem());
        map.put("nameMatches", report.nameMatches());
        map.put("expired", report.expired());
        map.put("notYetValid", report.notYetValid());
        map.put(
                "chain",
                report.chain().stream().map(ProbeCommand::certificateInfo).toList());
        return map;
    }

    private static Map<String, Object> certificateInfo(CertificateInfo info) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", info.subject());
        map.put("sans", info.subjectAlternativeNames());
        map.put("issuer", info.issuer());
        map.put("notBefore", info.notBefore().toString());
        map.put("notAfter", info.notAfter().toString());
        map.put("signatureAlgorithm", info.signatureAlgorithm());
        map.put("sha256", info.sha256Fingerprint());
        return map;
    }

    private static String text(Detail detail, Messages messages) {
        return messages.get(detail.key(), Shown.args(detail.argArray()));
    }

    // --- text ------------------------------------------------------------------------------------------------------

    private static void printText(
            ProbeReport report,
            Direction flow,
            Map<TargetReport, ProbeFinding> schannel,
            Messages messages,
            PrintWriter out) {
        out.println(messages.get(
                "cli.probe.heading",
                messages.get(
                        flow == Direction.EXO_TO_ONPREM
                                ? "cli.probe.direction.inbound"
                                : "cli.probe.direction.outbound")));
        for (TargetReport target : report.targets()) {
            out.println();
            out.println(messages.get(
                    "cli.probe.target",
                    target.target().display()
                            + (target.ip() == null
                                            || target.ip()
                                                    .equals(target.target().host())
                                    ? ""
                                    : " (" + target.ip() + ")")));
            if (target.target().mxPreference() != null) {
                out.println("  "
                        + messages.get(
                                "cli.probe.mx",
                                target.target().mxPreference(),
                                target.target().mxDomain()));
            }
            out.println("  " + messages.get("cli.probe.steps"));
            for (StepResult step : target.steps()) {
                out.println(String.format(
                        Locale.ROOT,
                        "    %-18s %-14s %6d ms  %s",
                        messages.get("probe.step." + step.name().id()),
                        messages.get("probe.status." + step.status().name()),
                        step.millis(),
                        text(step.detail(), messages)));
            }
            out.println("  " + messages.get("cli.probe.matrix"));
            for (TlsVersion version : TlsVersion.values()) {
                VersionResult result = target.protocol(version);
                out.println(String.format(
                        Locale.ROOT,
                        "    %-8s %-12s %s",
                        version.displayName(),
                        messages.get("probe.outcome." + result.outcome().name()),
                        text(result.detail(), messages)));
            }
            CertificateReport certificate = target.certificate();
            if (certificate != null && certificate.leaf() != null) {
                CertificateInfo leaf = certificate.leaf();
                out.println("  " + messages.get("cli.probe.certificate"));
                out.println("    " + messages.get("cli.probe.cert.subject", Shown.field(leaf.subject())));
                out.println("    "
                        + messages.get(
                                "cli.probe.cert.sans",
                                leaf.subjectAlternativeNames().isEmpty()
                                        ? "-"
                                        : Shown.field(String.join(", ", leaf.subjectAlternativeNames()))));
                out.println("    " + messages.get("cli.probe.cert.issuer", Shown.field(leaf.issuer())));
                out.println(
                        "    " + messages.get("cli.probe.cert.validity", day(leaf.notBefore()), day(leaf.notAfter())));
                out.println("    " + messages.get("cli.probe.cert.signature", leaf.signatureAlgorithm()));
                out.println("    "
                        + messages.get(
                                "cli.probe.cert.trust",
                                yesNo(certificate.trusted(), messages)
                                        + (certificate.trusted() ? "" : " (" + certificate.trustProblem() + ")")));
                out.println("    " + messages.get("cli.probe.cert.name", yesNo(certificate.nameMatches(), messages)));
            }
            out.println("  " + messages.get("cli.probe.findings"));
            List<ProbeFinding> all = new ArrayList<>(target.findings());
            if (schannel.get(target) != null) {
                all.add(schannel.get(target));
            }
            for (ProbeFinding finding : all) {
                out.println(String.format(
                        Locale.ROOT,
                        "    %-10s %s",
                        "["
                                + messages.get(
                                        "probe.severity." + finding.severity().name()) + "]",
                        text(finding.text(), messages)));
            }
            out.println("  " + messages.get("cli.probe.transcript"));
            for (String line : target.transcript()) {
                out.println("    " + Shown.field(line));
            }
        }
    }

    private static String yesNo(boolean value, Messages messages) {
        return messages.get(value ? "cli.probe.yes" : "cli.probe.no");
    }

    private static String day(Instant instant) {
        return instant.toString().substring(0, 10);
    }
}
