package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IsoInstant} must write what {@link Instant#toString()} writes, or decline. */
class IsoInstantTest {

    @Test
    void writesWhatInstantWritesFrom1970To9999() {
        long end = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
        long[] edges = {
            0,
            1,
            999,
            1000,
            59_999,
            86_399_999,
            86_400_000,
            951_782_400_000L /* 2000-02-29 */,
            951_868_799_999L,
            4_107_542_400_000L /* 2100-03-01 */,
            1_795_132_800_000L,
            end - 1,
            end - 1000
        };
        char[] out = new char[IsoInstant.MAX_LENGTH];
        for (long millis : edges) {
            int n = IsoInstant.format(millis, out);
            assertThat(new String(out, 0, n))
                    .as("%d", millis)
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        Random random = new Random(15);
        for (int i = 0; i < 200_000; i++) {
            long millis = Math.floorMod(random.nextLong(), end);
            if (i % 3 == 0) {
                millis -= millis % 1000; // a whole second: Instant writes no fraction
            }
            int n = IsoInstant.format(millis, out);
            assertThat(new String(out, 0, n))
                    .as("%d", millis)
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void declinesWhatItDoesNotWrite() {
        char[] out = new char[IsoInstant.MAX_LENGTH];
        assertThat(IsoInstant.format(-1, out)).isZero();
        assertThat(IsoInstant.format(Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(), out))
                .isZero();
        assertThat(IsoInstant.format(Long.MAX_VALUE, out)).isZero();
    }
}
