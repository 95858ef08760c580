package io.tlsdoctor.platform.audit;

import io.tlsdoctor.core.fix.AuditEntry;
import io.tlsdoctor.core.fix.AuditOutcome;
import io.tlsdoctor.core.fix.AuditTrail;
import io.tlsdoctor.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The offline twin of the event log: one JSON object per line, appended to {@code audit.jsonl} in the data folder
 * (one write per entry, in append mode, forced to disk), the same entries the Windows event log gets as its data.
 */
public final class JsonLinesAuditTrail implements AuditTrail {

    public static final String FILE = "audit.jsonl";

    private final Path file;

    public JsonLinesAuditTrail(Path file) {
        this.file = file;
    }

    @Override
    public AuditOutcome record(AuditEntry entry) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] line = (Json.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return AuditOutcome.recorded("fix.audit.file", file.toString());
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
