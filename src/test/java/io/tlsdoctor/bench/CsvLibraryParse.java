package io.tlsdoctor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The benchmark's reference: what a script would do with a general CSV library. Every file is read with
 * commons-csv, rows are grouped by session-id, and each session is looked at for the negotiated protocol and the
 * failure line. Not a test; run by bench/logs-benchmark.sh.
 */
public final class CsvLibraryParse {

    private CsvLibraryParse() {}

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.getFileName().toString().toUpperCase().endsWith(".LOG"))
                    .sorted()
                    .toList();
        }
        long rows = 0;
        long sessions = 0;
        long failures = 0;
        Map<String, Long> protocols = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').build();
        for (Path file : files) {
            Map<String, List<CSVRecord>> bySession = new HashMap<>();
            try (Reader reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                    CSVParser parser = CSVParser.parse(skipBom(reader), format)) {
                for (CSVRecord record : parser) {
                    if (record.size() < 9) {
                        continue;
                    }
                    rows++;
                    bySession
                            .computeIfAbsent(record.get(2), k -> new ArrayList<>())
                            .add(record);
                }
            }
            for (List<CSVRecord> session : bySession.values()) {
                sessions++;
                String protocol = "NONE";
                for (CSVRecord record : session) {
                    String text = record.get(7) + " " + record.get(8);
                    int at = text.indexOf("SP_PROT_");
                    if (at >= 0) {
                        protocol = text.substring(at + 8, Math.min(text.length(), at + 14)); // TLS1_2
                    }
                    if (text.contains("TLS negotiation failed")) {
                        failures++;
                    }
                }
                protocols.merge(protocol, 1L, Long::sum);
            }
        }
        System.out.println("files=" + files.size() + " rows=" + rows + " sessions=" + sessions + " tlsFailures="
                + failures + " protocols=" + protocols);
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
