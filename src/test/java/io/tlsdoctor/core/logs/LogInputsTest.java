package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, folders and archives as admins collect them; what is not a log is set aside with the reason. */
class LogInputsTest {

    @Test
    void exchangeNamesWithAndWithoutTheHourInAnyCase() {
        assertThat(LogInputs.isLogName("SEND20261120-1.LOG")).isTrue();
        assertThat(LogInputs.isLogName("RECV2023011116-12.LOG")).isTrue();
        assertThat(LogInputs.isLogName("recv20230111-3.log")).isTrue();
        assertThat(LogInputs.isLogName("RECV2023011116-1.LOG.bak")).isFalse();
        assertThat(LogInputs.isLogName("MSGTRK20230111-1.LOG")).isFalse();
        assertThat(LogInputs.isLogName("SEND202301-1.LOG")).isFalse();
    }

    @Test
    void aZipAndTheFolderItWasMadeFromGiveTheSameResult(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("ProtocolLog");
        new ProtocolLogGenerator(GeneratorRoundTripTest.plan(11, 48 * 1024)).write(folder);
        Files.writeString(folder.resolve("SmtpSend/readme.txt"), "collected by the admin");
        Path zip = dir.resolve("logs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        LogAnalysis fromFolder = GeneratorRoundTripTest.ANALYZER.analyze(
                List.of(folder), LogAnalyzer.Options.defaults(), new LogProgress());
        LogAnalysis fromZip = GeneratorRoundTripTest.ANALYZER.analyze(
                List.of(zip), LogAnalyzer.Options.defaults(), new LogProgress());

        assertThat(fromZip.files()).isEqualTo(fromFolder.files()).isGreaterThan(3);
        assertThat(fromZip.lines()).isEqualTo(fromFolder.lines());
        assertThat(fromZip.sessions()).isEqualTo(fromFolder.sessions()).isPositive();
        assertThat(fromZip.symptoms()).isEqualTo(fromFolder.symptoms());
        assertThat(fromZip.remotes()).isEqualTo(fromFolder.remotes());
        assertThat(fromZip.failuresPerHour()).isEqualTo(fromFolder.failuresPerHour());
        assertThat(fromZip.examples())
                .extracting(FailureExample::transcript)
                .isEqualTo(fromFolder.examples().stream()
                        .map(FailureExample::transcript)
                        .toList());
        assertThat(fromZip.skippedFiles()).singleElement().satisfies(s -> {
            assertThat(s.path()).endsWith("logs.zip!/SmtpSend/readme.txt");
            assertThat(s.reason()).isEqualTo(SkipReason.NOT_A_LOG_NAME);
        });
    }

    @Test
    void whatIsNotALogIsSkippedWithItsReason(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Get-Queue output\r\nIdentity : EX01\\3\r\n");
        Path binary = Files.write(dir.resolve("SEND20261120-9.LOG"), new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        Path empty = Files.write(dir.resolve("RECV20261120-9.LOG"), new byte[0]);
        Path broken = Files.write(dir.resolve("archive.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        Path noType = Files.writeString(dir.resolve("copy.log"), LogText.FIELDS + "\r\n");
        Path missingColumn =
                Files.writeString(dir.resolve("SEND20261120-8.LOG"), "#Fields: date-time,connector-id,data\r\n");
        Path missing = dir.resolve("nowhere");
        LogInputs.Collected collected =
                LogInputs.collect(List.of(notes, binary, empty, broken, noType, missingColumn, missing));
        assertThat(collected.missing()).containsExactly(missing);

        LogAnalysis analysis = GeneratorRoundTripTest.ANALYZER.analyze(
                collected, LogAnalyzer.Options.defaults(), new LogProgress(), s -> {});
        assertThat(analysis.files()).isZero();
        assertThat(analysis.skippedFiles())
                .extracting(SkippedFile::path, SkippedFile::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(broken.toString(), SkipReason.DAMAGED_ARCHIVE),
                        org.assertj.core.groups.Tuple.tuple(notes.toString(), SkipReason.NO_FIELDS_HEADER),
                        org.assertj.core.groups.Tuple.tuple(binary.toString(), SkipReason.BINARY),
                        org.assertj.core.groups.Tuple.tuple(empty.toString(), SkipReason.EMPTY),
                        org.assertj.core.groups.Tuple.tuple(noType.toString(), SkipReason.UNKNOWN_LOG_TYPE),
                        org.assertj.core.groups.Tuple.tuple(missingColumn.toString(), SkipReason.MISSING_FIELDS));
    }

    @Test
    void cancellingStopsTheAnalysis(@TempDir Path dir) throws Exception {
        new ProtocolLogGenerator(GeneratorRoundTripTest.plan(3, 32 * 1024)).write(dir);
        LogProgress progress = new LogProgress();
        progress.cancel();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        GeneratorRoundTripTest.ANALYZER.analyze(List.of(dir), LogAnalyzer.Options.defaults(), progress))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void progressCountsFilesAndBytes(@TempDir Path dir) throws Exception {
        List<Path> files = new ProtocolLogGenerator(GeneratorRoundTripTest.plan(5, 32 * 1024)).write(dir);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        LogProgress progress = new LogProgress();
        GeneratorRoundTripTest.ANALYZER.analyze(List.of(dir), LogAnalyzer.Options.defaults(), progress);
        assertThat(progress.filesDone()).isEqualTo(files.size()).isEqualTo(progress.filesTotal());
        assertThat(progress.bytesTotal()).isEqualTo(bytes);
        assertThat(progress.bytesDone()).isEqualTo(bytes - 3L * files.size()); // the BOMs are not counted as read
    }
}
