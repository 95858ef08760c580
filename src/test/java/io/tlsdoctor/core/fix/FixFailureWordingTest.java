package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a helpdesk user reads when a change cannot be made: the file or key, what is wrong with it and what to do, in
 * English and Swedish; never "java.nio.file.AccessDeniedException: ...". The exception itself goes to the log.
 */
class FixFailureWordingTest {

    private static final Messages ENGLISH = Messages.forLocale(Languages.ENGLISH);
    private static final Messages SWEDISH = Messages.forLocale(Languages.SWEDISH);

    @TempDir
    Path dir;

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = EventLog.of(FixEngine.class);
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(recorder);
        log.setLevel(levelBefore);
    }

    private Path export() throws Exception {
        return RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 0L, 1L)
                .write(dir.resolve("export.reg"));
    }

    private static FixPlan planFor(Path export) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        RegistryReport report = new RegistryEvaluator().evaluate(snapshot);
        return new FixPlanner(Clock.systemUTC())
                .plan(snapshot, report, Direction.ONPREM_TO_EXO, FixPlan.Kind.ENABLE_TLS12);
    }

    private static String shown(Messages m, ApplyResult result) {
        return m.get(result.problemKey(), result.problemArgs().toArray());
    }

    private static void readsAsPlainWords(String text) {
        assertThat(text)
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("{")
                .doesNotContain("!fix.");
    }

    private void theExceptionIsInTheLogWithItsStackTrace(Class<? extends Throwable> type) {
        assertThat(logged)
                .as("the log keeps the exception for whoever reads it later")
                .anySatisfy(r -> assertThat(r.getThrown())
                        .isInstanceOf(type)
                        .satisfies(t -> assertThat(t.getStackTrace()).isNotEmpty()));
    }

    @Test
    void aBackupsFolderThatIsAFileIsNamedWithTheWayOut() throws Exception {
        Path export = export();
        Path notAFolder = Files.writeString(dir.resolve("backups"), "x");
        ApplyResult result =
                new FixEngine(Clock.systemUTC()).apply(planFor(export), RegFileRegistryStore.open(export), notAFolder);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_STARTED);
        String english = shown(ENGLISH, result);
        readsAsPlainWords(english);
        assertThat(english)
                .contains(notAFolder.toString())
                .contains("is a file, not a folder")
                .contains("Nothing was changed")
                .contains("Move or rename that file");
        String swedish = shown(SWEDISH, result);
        readsAsPlainWords(swedish);
        assertThat(swedish)
                .contains(notAFolder.toString())
                .contains("är en fil, inte en mapp")
                .contains("Ingenting ändrades");
        theExceptionIsInTheLogWithItsStackTrace(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void accessDeniedWhileTakingTheFullBackupNamesTheKeyAndAdministrator() throws Exception {
        Path export = export();
        String key = "C:\\Windows\\System32\\config\\SYSTEM";
        RegistryStore store = new Failing(RegFileRegistryStore.open(export)) {
            @Override
            public Map<String, Map<String, RegistryValue>> exportKeys(List<String> roots) {
                throw new UncheckedIOException(new AccessDeniedException(key));
            }
        };
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(planFor(export), store, dir.resolve("backups"));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_STARTED);
        assertThat(result.problemKey()).isEqualTo("fix.apply.fullBackupFailed");
        String english = shown(ENGLISH, result);
        readsAsPlainWords(english);
        assertThat(english).contains(key).contains("access").contains("denied").contains("administrator");
        String swedish = shown(SWEDISH, result);
        readsAsPlainWords(swedish);
        assertThat(swedish).contains(key).contains("nekades").contains("administratör");
        theExceptionIsInTheLogWithItsStackTrace(UncheckedIOException.class);
    }

    @Test
    void aFileInUseWhileWritingIsRolledBackAndSaysWhatHoldsIt() throws Exception {
        Path export = export();
        byte[] original = Files.readAllBytes(export);
        String held = export.toString();
        RegistryStore store = new Failing(RegFileRegistryStore.open(export)) {
            @Override
            public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
                super.write(location, value);
                throw new UncheckedIOException(new FileSystemException(
                        held, null, "The process cannot access the file because it is being used by another process"));
            }
        };
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(planFor(export), store, dir.resolve("backups"));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(result.problemKey()).isEqualTo("fix.apply.unexpected");
        assertThat(Files.readAllBytes(export)).isEqualTo(original);
        String english = shown(ENGLISH, result);
        readsAsPlainWords(english);
        assertThat(english).contains(held).contains("in use by another program").contains("Close");
        String swedish = shown(SWEDISH, result);
        readsAsPlainWords(swedish);
        assertThat(swedish)
                .contains(held)
                .contains("används av ett annat program")
                .contains("Stäng");
        theExceptionIsInTheLogWithItsStackTrace(UncheckedIOException.class);
    }

    @Test
    void somethingNobodyExpectedPointsToTheLogInsteadOfShowingTheException() throws Exception {
        Path export = export();
        RegistryStore store = new Failing(RegFileRegistryStore.open(export)) {
            @Override
            public Optional<RegistryValue> read(RegistryLocation location) {
                throw new IllegalStateException("the driver said something odd");
            }
        };
        ApplyResult result = new FixEngine(Clock.systemUTC()).apply(planFor(export), store, dir.resolve("backups"));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_STARTED);
        String english = shown(ENGLISH, result);
        readsAsPlainWords(english);
        assertThat(english).doesNotContain("driver said").contains("the details are in the log");
        String swedish = shown(SWEDISH, result);
        readsAsPlainWords(swedish);
        assertThat(swedish).contains("detaljerna finns i loggen");
        theExceptionIsInTheLogWithItsStackTrace(IllegalStateException.class);
    }

    /** A .reg store that fails where a test says; everything else as the real one. */
    private static class Failing implements RegistryStore {
        private final RegFileRegistryStore real;

        Failing(RegFileRegistryStore real) {
            this.real = real;
        }

        @Override
        public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
            return real.read(location);
        }

        @Override
        public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
            real.write(location, value);
        }

        @Override
        public void delete(RegistryLocation location) throws RegistryStoreException {
            real.delete(location);
        }

        @Override
        public Map<String, Map<String, RegistryValue>> exportKeys(List<String> roots) throws RegistryStoreException {
            return real.exportKeys(roots);
        }

        @Override
        public String describe() {
            return real.describe();
        }

        @Override
        public String identity() {
            return real.identity();
        }
    }
}
