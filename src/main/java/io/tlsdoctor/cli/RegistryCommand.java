package io.tlsdoctor.cli;

import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.Evidence;
import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.ProtocolResult;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryExports;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.Role;
import io.tlsdoctor.core.registry.SideResult;
import io.tlsdoctor.core.registry.WindowsServer;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import io.tlsdoctor.platform.registry.RegFileParseException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsdoctor registry}: reads this server's TLS registry settings (live on Windows, or from {@code reg export}
 * files anywhere) and prints the TLS 1.2 bottom line and the findings, as text or as {@code tlsdoctor.registry/1} JSON.
 */
@Command(name = "registry", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class RegistryCommand implements Callable<Integer> {

    public static final String JSON_SCHEMA = "tlsdoctor.registry/1";

    private final CliContext context;

    @Option(names = "--reg-file", paramLabel = "FILE", descriptionKey = "cli.registry.option.regFile")
    List<Path> regFiles = new ArrayList<>();

    @Option(
            names = "--os",
            paramLabel = "2008R2|2012|2012R2|2016|2019|2022|2025",
            descriptionKey = "cli.registry.option.os")
    String os;

    @Option(names = "--json", descriptionKey = "cli.registry.option.json")
    boolean json;

    public RegistryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages messages = context.messages();
        WindowsServer givenOs = parseOs(messages);
        // the suggested exports of a key that is absent ("not found", which is fine) write no file: the suggested
        // check command still names it, so such a file is passed over with a note instead of failing the check
        List<Path> present = new ArrayList<>();
        for (Path file : regFiles) {
            if (!Files.exists(file)
                    && file.getFileName() != null
                    && RegistryExports.isExportFile(file.getFileName().toString())) {
                context.err().println(messages.get("cli.registry.exportAbsent", file.toString()));
            } else {
                present.add(file);
            }
        }
        if (!regFiles.isEmpty() && present.isEmpty()) {
            throw new UsageException(
                    messages.get("registry.file.notFound", regFiles.get(0).toString()));
        }
        regFiles = present;
        RegistrySource source = new PlatformRegistrySources()
                .choose(regFiles)
                .orElseThrow(() -> new UsageException(howToExport(messages)));
        RegistrySnapshot snapshot;
        try {
            snapshot = source.collect();
        } catch (RegFileParseException e) {
            throw new UsageException(messages.get(e.messageKey(), e.args()));
        } catch (RegistryReadException e) {
            if (!regFiles.isEmpty()) {
                throw new UsageException(messages.get(e.messageKey(), e.args()));
            }
            context.err().println(messages.get(e.messageKey(), Shown.args(e.args())));
            return ExitCodes.INCONCLUSIVE;
        }
        RegistryReport report = new RegistryEvaluator().evaluate(snapshot, givenOs);
        if (json) {
            context.out().println(Json.prettyAscii(toJson(report, snapshot, messages.locale())));
        } else {
            printText(report, snapshot, messages, context.out());
        }
        return ExitCodes.OK;
    }

    private WindowsServer parseOs(Messages messages) {
        if (os == null) {
            return null;
        }
        try {
            return WindowsServer.byId(os);
        } catch (IllegalArgumentException e) {
            throw new UsageException(messages.get("cli.registry.error.os", os));
        }
    }

    /** Off Windows with no file: the exact commands to run on the server, and how to check the result here. */
    static String howToExport(Messages messages) {
        StringBuilder text =
                new StringBuilder(messages.get("cli.registry.noFile.intro")).append(System.lineSeparator());
        for (RegistryExports.Export export : RegistryExports.all()) {
            text.append("  ").append(export.command()).append(System.lineSeparator());
        }
        text.append(messages.get("cli.registry.noFile.missingKey"))
                .append(System.lineSeparator())
                .append(messages.get("cli.registry.noFile.then"))
                .append(System.lineSeparator())
                .append("  ")
                .append(RegistryExports.checkCommand());
        return text.toString();
    }

    // --- JSON ------------------------------------------------------------------------------------------------------

    static Map<String, Object> toJson(RegistryReport report, RegistrySnapshot snapshot, Locale locale) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", JSON_SCHEMA);
        Map<String, Object> os = new LinkedHashMap<>();
        os.put(
                "id",
                report.os().version() == null ? null : report.os().version().id());
        os.put("name", report.os().name());
        os.put("source", report.os().source().id());
        os.put("productName", report.os().productName());
        os.put("currentBuild", report.os().currentBuild());
        os.put("ubr", report.os().ubr());
        os.put("installationType", report.os().installationType());
        root.put("os", os);
        root.put(
                "exchange",
                report.exchange() == null
                        ? null
                        : Map.of(
                                "name",
                                report.exchange().name(),
                                "version",
                                report.exchange().version()));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("origin", snapshot.isLive() ? "live" : "reg-files");
        source.put("from", snapshot.sources());
        source.put("unreadableKeys", snapshot.unreadableKeys());
        root.put("source", source);
        List<Object> protocols = new ArrayList<>();
        for (ProtocolResult result : report.protocols()) {
            Map<String, Object> protocol = new LinkedHashMap<>();
            protocol.put("protocol", result.protocol().keyName());
            protocol.put("label", result.label() == null ? null : result.label().text());
            protocol.put("client", side(result.client()));
            protocol.put("server", side(result.server()));
            protocols.add(protocol);
        }
        root.put("protocols", protocols);
        Map<String, Object> tls12 = new LinkedHashMap<>();
        tls12.put("client", report.tls12().client());
        tls12.put("server", report.tls12().server());
        root.put("tls12", tls12);
        List<Object> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", finding.id());
            item.put("status", finding.status().name());
            item.put("title", finding.title().in(locale));
            item.put("detail", finding.detail().in(locale));
            item.put(
                    "remediation",
                    finding.remediation() == null ? null : finding.remediation().in(locale));
            item.put("dependsOnOs", finding.dependsOnOs());
            List<Object> evidence = new ArrayList<>();
            for (Evidence value : finding.evidence()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", value.path());
                entry.put("name", value.name());
                entry.put(
                        "type",
                        value.value() == null ? null : value.value().type().name());
                entry.put("value", value.value() == null ? null : value.value().raw());
                evidence.add(entry);
            }
            item.put("evidence", evidence);
            findings.add(item);
        }
        root.put("findings", findings);
        return root;
    }

    private static Map<String, Object> side(SideResult side) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("enabled", side.enabled() == null ? null : side.enabled().raw());
        map.put(
                "disabledByDefault",
                side.disabledByDefault() == null
                        ? null
                        : side.disabledByDefault().raw());
        map.put("effective", side.effective());
        map.put("state", side.state().name());
        return map;
    }

    // --- text ------------------------------------------------------------------------------------------------------

    private static void printText(
            RegistryReport report, RegistrySnapshot snapshot, Messages messages, PrintWriter out) {
        Locale locale = messages.locale();
        String osName = report.os().known() ? report.os().name() : messages.get("cli.registry.os.unknown");
        out.println(messages.get("cli.registry.heading", osName));
        out.println(
                snapshot.isLive()
                        ? messages.get("cli.registry.source.live", String.join(", ", snapshot.sources()))
                        : messages.get("cli.registry.source.files", String.join(", ", snapshot.sources())));
        if (report.exchange() != null) {
            out.println(messages.get("cli.registry.exchange", report.exchange().display()));
        }
        for (String unreadable : snapshot.unreadableKeys()) {
            out.println(messages.get("cli.registry.unreadable", unreadable));
        }
        out.println();
        out.println(messages.get("cli.registry.bottomLine"));
        for (Finding finding : report.findings()) {
            if (finding.id().equals(RegistryReport.TLS12_CLIENT) || finding.id().equals(RegistryReport.TLS12_SERVER)) {
                printFinding(finding, true, messages, out);
            }
        }
        out.println();
        out.println(messages.get("cli.registry.protocols"));
        String row = "  %-9s %-15s %-26s %s";
        out.println(String.format(
                Locale.ROOT,
                row,
                messages.get("cli.registry.column.protocol"),
                messages.get("cli.registry.column.label"),
                messages.get("cli.registry.column.client"),
                messages.get("cli.registry.column.server")));
        for (ProtocolResult result : report.protocols()) {
            out.println(String.format(
                    Locale.ROOT,
                    row,
                    result.protocol().keyName(),
                    result.label() == null ? "-" : result.label().text(),
                    messages.get(
                            "cli.registry.state." + result.side(Role.CLIENT).state()),
                    messages.get(
                            "cli.registry.state." + result.side(Role.SERVER).state())));
        }
        out.println();
        out.println(messages.get("cli.registry.findings"));
        for (Finding finding : report.findings()) {
            if (!finding.id().equals(RegistryReport.TLS12_CLIENT)
                    && !finding.id().equals(RegistryReport.TLS12_SERVER)) {
                printFinding(finding, finding.status() != FindingStatus.PASS, messages, out);
            }
        }
        out.flush();
    }

    private static void printFinding(Finding finding, boolean withDetail, Messages messages, PrintWriter out) {
        Locale locale = messages.locale();
        String status = messages.get("cli.registry.status." + finding.status());
        out.println(String.format(
                Locale.ROOT,
                "  %-9s %s  (%s)",
                "[" + status + "]",
                finding.title().in(locale),
                finding.id()));
        if (withDetail) {
            out.println("            " + finding.detail().in(locale));
            if (finding.remediation() != null) {
                out.println("            "
                        + messages.get("cli.registry.fix", finding.remediation().in(locale)));
            }
        }
    }
}
