package io.tlsdoctor.core.logs;

import java.util.List;

/**
 * What reading one file gave, apart from its sessions.
 *
 * @param skipped null when the file was analysed; else why not (then the counts are zero)
 */
record FileScan(
        LogSource source,
        LogKind kind,
        long bytes,
        long lines,
        long badLines,
        List<BadLine> badSamples,
        SkippedFile skipped) {}
