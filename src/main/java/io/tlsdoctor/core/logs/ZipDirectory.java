package io.tlsdoctor.core.logs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The entries of a .zip archive read from its central directory, each with where its data starts, so that every
 * entry can be opened by its position: {@code zip -j} of the Hub and FrontEnd folders makes two entries with the same
 * name, and {@link java.util.zip.ZipFile} finds entries by name (one of the two, twice). Opening an entry seeks to it,
 * so an archive of n entries costs n, not n times the directory ({@code ZipFile} per entry took 577 s for 100,000).
 */
public final class ZipDirectory {

    /**
     * At most this many entries are taken from one archive. Two weeks of an Exchange server's protocol logs are a
     * few thousand files; a directory claiming more than this is refused whole rather than read in part.
     */
    static final int MAX_ENTRIES = 100_000;

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /** One file in the archive, {@code index} its place in the central directory. */
    public record Entry(
            int index, String name, long size, long compressedSize, int method, boolean encrypted, long headerOffset) {
        boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    /** More entries than {@link #MAX_ENTRIES}. */
    static final class TooManyEntries extends IOException {
        private static final long serialVersionUID = 1L;
        final long entries;

        TooManyEntries(long entries) {
            super(entries + " entries");
            this.entries = entries;
        }
    }

    private ZipDirectory() {}

    /** Every entry, in the order of the central directory (directories included). */
    static List<Entry> read(Path archive) throws IOException {
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            int tailSize = (int) Math.min(fileSize, 22 + 65_535);
            ByteBuffer tail = readFully(channel, fileSize - tailSize, tailSize);
            int eocd = -1;
            for (int i = tailSize - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new ZipException("no end of central directory record (not a zip archive, or cut short)");
            }
            long count = tail.getShort(eocd + 10) & 0xffff;
            long directorySize = tail.getInt(eocd + 12) & 0xffffffffL;
            long directoryOffset = tail.getInt(eocd + 16) & 0xffffffffL;
            if (count == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
                int locator = eocd - 20;
                if (locator >= 0 && tail.getInt(locator) == ZIP64_LOCATOR) {
                    long zip64 = tail.getLong(locator + 8);
                    ByteBuffer record = readFully(channel, zip64, 56);
                    if (record.getInt(0) != ZIP64_EOCD) {
                        throw new ZipException("bad zip64 end of central directory record");
                    }
                    count = record.getLong(32);
                    directorySize = record.getLong(40);
                    directoryOffset = record.getLong(48);
                }
            }
            if (count > MAX_ENTRIES) {
                throw new TooManyEntries(count);
            }
            if (directoryOffset + directorySize > fileSize || directorySize > Integer.MAX_VALUE) {
                throw new ZipException("central directory outside the file");
            }
            ByteBuffer directory = readFully(channel, directoryOffset, (int) directorySize);
            List<Entry> entries = new ArrayList<>((int) count);
            int at = 0;
            while (at + 46 <= directory.limit() && directory.getInt(at) == CENTRAL) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw new TooManyEntries(entries.size() + 1L);
                }
                int flags = directory.getShort(at + 8) & 0xffff;
                int method = directory.getShort(at + 10) & 0xffff;
                long compressed = directory.getInt(at + 20) & 0xffffffffL;
                long size = directory.getInt(at + 24) & 0xffffffffL;
                int nameLength = directory.getShort(at + 28) & 0xffff;
                int extraLength = directory.getShort(at + 30) & 0xffff;
                int commentLength = directory.getShort(at + 32) & 0xffff;
                long offset = directory.getInt(at + 42) & 0xffffffffL;
                int end = at + 46 + nameLength + extraLength + commentLength;
                if (end > directory.limit()) {
                    throw new ZipException("central directory entry " + entries.size() + " cut short");
                }
                byte[] nameBytes = new byte[nameLength];
                directory.get(at + 46, nameBytes);
                // zip64 sizes and offset, in this order, for the fields that are all ones
                int extra = at + 46 + nameLength;
                for (int e = extra; e + 4 <= extra + extraLength; ) {
                    int id = directory.getShort(e) & 0xffff;
                    int length = directory.getShort(e + 2) & 0xffff;
                    if (id == 1) {
                        int v = e + 4;
                        if (size == 0xffffffffL && v + 8 <= e + 4 + length) {
                            size = directory.getLong(v);
                            v += 8;
                        }
                        if (compressed == 0xffffffffL && v + 8 <= e + 4 + length) {
                            compressed = directory.getLong(v);
                            v += 8;
                        }
                        if (offset == 0xffffffffL && v + 8 <= e + 4 + length) {
                            offset = directory.getLong(v);
                        }
                    }
                    e += 4 + length;
                }
                // Names as java.util.zip reads them (UTF-8), so that paths shown stay as they were.
                entries.add(new Entry(
                        entries.size(),
                        new String(nameBytes, StandardCharsets.UTF_8),
                        size,
                        compressed,
                        method,
                        (flags & 1) != 0,
                        offset));
                at = end;
            }
            return entries;
        }
    }

    /** The uncompressed bytes of one entry, found by its position, not its name. */
    static InputStream open(Path archive, Entry entry) throws IOException {
        if (entry.encrypted()) {
            throw new ZipException("entry " + entry.name() + " is encrypted");
        }
        if (entry.method() != STORED && entry.method() != DEFLATED) {
            throw new ZipException("entry " + entry.name() + " uses compression method " + entry.method());
        }
        FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ);
        try {
            ByteBuffer local = readFully(channel, entry.headerOffset(), 30);
            if (local.getInt(0) != LOCAL) {
                throw new ZipException("entry " + entry.name() + ": no local header where the directory says");
            }
            long data = entry.headerOffset() + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
            // Buffers no larger than the entry: an archive of 100,000 small logs would otherwise allocate gigabytes.
            int buffer = (int) Math.max(512, Math.min(1 << 16, entry.compressedSize()));
            InputStream raw = new Bounded(Channels.newInputStream(channel.position(data)), entry.compressedSize());
            return entry.method() == STORED ? new java.io.BufferedInputStream(raw, buffer) : new Inflating(raw, buffer);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("zip archive cut short");
            }
        }
        return buffer.flip();
    }

    /** At most {@code remaining} bytes of the underlying stream; closes it. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("zip entry cut short");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Raw deflate, as in a zip; gives the inflater the one extra byte it wants at the end (as ZipFile does). */
    private static final class Inflating extends InflaterInputStream {
        private boolean eof;

        Inflating(InputStream in, int buffer) {
            super(in, new Inflater(true), buffer);
        }

        @Override
        protected void fill() throws IOException {
            if (eof) {
                throw new EOFException("unexpected end of zip entry");
            }
            len = in.read(buf, 0, buf.length);
            if (len < 0) {
                buf[0] = 0;
                len = 1;
                eof = true;
            }
            inf.setInput(buf, 0, len);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }
}
