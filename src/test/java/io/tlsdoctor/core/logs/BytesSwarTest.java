package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-bytes-a-step helpers of {@link Bytes} against their byte-by-byte meaning. */
class BytesSwarTest {

    @Test
    void firstFlaggedIsTheLowestFlaggedByte() {
        for (int mask = 1; mask < 256; mask++) {
            long flags = 0;
            for (int k = 0; k < 8; k++) {
                if ((mask & (1 << k)) != 0) {
                    flags |= 0x80L << (8 * k);
                }
            }
            assertThat(Bytes.firstFlagged(flags))
                    .as("mask %x", mask)
                    .isEqualTo(Long.numberOfTrailingZeros(flags) >>> 3);
        }
    }

    @Test
    void hex16ReadsSessionIdsAsSessionKeyDoes() {
        Random random = new Random(15);
        String digits = "0123456789ABCDEFabcdef";
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[20];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) digits.charAt(random.nextInt(digits.length()));
            }
            int at = random.nextInt(5);
            assertThat(Bytes.isHex16(b, at)).isTrue();
            assertThat(Bytes.hex16(b, at))
                    .isEqualTo(Bytes.sessionKey(b, at, at + 16))
                    .isEqualTo(Long.parseUnsignedLong(new String(b, at, 16, StandardCharsets.US_ASCII), 16));
        }
    }

    @Test
    void everyOtherByteAnywhereIsNoHexDigit() {
        byte[] good = "08DAF3B1c2d4e5f7".getBytes(StandardCharsets.US_ASCII);
        assertThat(Bytes.isHex16(good, 0)).isTrue();
        for (int position = 0; position < 16; position++) {
            for (int value = 0; value < 256; value++) {
                byte[] b = good.clone();
                b[position] = (byte) value;
                boolean hex =
                        value >= '0' && value <= '9' || value >= 'A' && value <= 'F' || value >= 'a' && value <= 'f';
                assertThat(Bytes.isHex16(b, 0))
                        .as("byte %d at %d", value, position)
                        .isEqualTo(hex);
            }
        }
    }
}
