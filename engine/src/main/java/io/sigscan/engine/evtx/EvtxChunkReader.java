package io.sigscan.engine.evtx;

import java.nio.ByteOrder;
import java.util.zip.CRC32;

import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.rules.event.FieldTable;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the records of one EVTX chunk at a time; one instance per scan worker, reused for every chunk. Checks
 * the chunk header and data checksums (a mismatch is reported, the records are still read), walks the records
 * from the end of the chunk header, and hands each parsed record to the handler as an {@link EvtxEventView}.
 * A record that cannot be read is reported with its file offset and skipped; after a damaged record header the
 * reader resynchronises on the next record signature. Nothing here throws on bad input.
 */
public final class EvtxChunkReader {
    static final int CHUNK_SIZE = 0x10000;
    static final int CHUNK_HEADER_SIZE = 512;
    static final int RECORD_HEADER_SIZE = 24;
    /** Record header, Binary XML fragment header and trailing size copy: the least a record can be. */
    static final int MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4 + 4;
    private static final int RECORD_SIGNATURE = 0x00002a2a;
    static final long CHUNK_SIGNATURE = 0x006b6e6843666c45L; // "ElfChnk\0"
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final EventTree tree = new EventTree();
    private final BinXmlParser parser = new BinXmlParser();
    private final EvtxEventView view;
    private final CRC32 crc = new CRC32();
    /** The chunk being read, copied from the input ({@link #readChunk} says why). */
    private final byte[] chunkBytes = new byte[CHUNK_SIZE];
    private final UnsafeBuffer chunk = new UnsafeBuffer(chunkBytes);
    private long records;

    /** A reader projecting the fields of {@code fields}. */
    public EvtxChunkReader(FieldTable fields) {
        this.view = new EvtxEventView(fields, tree);
    }

    /** Records handed to handlers so far by this reader. */
    public long records() {
        return records;
    }

    /**
     * Reads the chunks of {@code [start, end)} of {@code buffer}, one per 64 KiB from {@code start}.
     * Where a chunk should start but nothing there is one (no signature, no record after a header's
     * room, not zeros), the bytes up to the next 64 KiB are searched for a chunk whose header
     * checksum holds: bytes inserted into a file, or two files joined, shift every chunk after
     * them off the grid, and each such chunk is read where it is (up to the buffer's end, past
     * {@code end} if need be) instead of all of them being lost. Returns the records handed on.
     */
    public long readChunks(String source, DirectBuffer buffer, int start, int end, long bufferFileOffset,
                           EvtxRecordHandler handler, ScanProblemHandler problems) {
        long read = 0;
        int shiftedEnd = start;
        for (int slot = start; slot < end; slot += CHUNK_SIZE) {
            final int available = Math.min(end - slot, CHUNK_SIZE);
            if (slot + available <= shiftedEnd) {
                continue; // wholly inside a chunk already read off the grid
            }
            if (!readableAt(buffer, slot, available)) {
                final int shifted = findShiftedChunk(buffer, slot);
                if (shifted >= 0) {
                    report(problems, source, bufferFileOffset + slot, "bad-chunk", "no chunk where one should start;"
                            + " one starts " + (shifted - slot) + " bytes further on (bytes inserted, or files joined),"
                            + " and was read there");
                    read += readChunk(source, buffer, shifted, buffer.capacity() - shifted, bufferFileOffset, handler,
                            problems);
                    shiftedEnd = shifted + CHUNK_SIZE;
                    continue;
                }
                // Past the end of a chunk already read off the grid: zeros (a file's unused chunks) are no loss.
                final int uncovered = Math.max(slot, shiftedEnd);
                if (uncovered >= slot + available || isZero(buffer, uncovered, slot + available - uncovered)) {
                    continue;
                }
            }
            read += readChunk(source, buffer, slot, available, bufferFileOffset, handler, problems);
        }
        return read;
    }

    /** Whether {@link #readChunk} can use what lies at {@code offset}: a chunk signature, a record where a chunk's first one would be, or zeros. */
    private static boolean readableAt(DirectBuffer buffer, int offset, int available) {
        if (available < CHUNK_HEADER_SIZE + 4) {
            return available < 8 || buffer.getLong(offset, LE) == CHUNK_SIGNATURE || isZero(buffer, offset, available);
        }
        return buffer.getLong(offset, LE) == CHUNK_SIGNATURE || buffer.getInt(offset + CHUNK_HEADER_SIZE, LE) == RECORD_SIGNATURE
                || isZero(buffer, offset, available);
    }

    /**
     * Where, within the 64 KiB after {@code slot}, a chunk starts whose header checksum holds (so that
     * a record that merely mentions "ElfChnk" is not taken for one); -1 when none does.
     */
    private int findShiftedChunk(DirectBuffer buffer, int slot) {
        final int last = Math.min(slot + CHUNK_SIZE, buffer.capacity() - CHUNK_HEADER_SIZE);
        for (int p = slot + 1; p < last; p++) {
            if (buffer.getLong(p, LE) == CHUNK_SIGNATURE) {
                buffer.getBytes(p, chunkBytes, 0, CHUNK_HEADER_SIZE);
                if (headerChecksumHolds()) {
                    return p;
                }
            }
        }
        return -1;
    }

    /** Whether the chunk header copied to the start of {@link #chunkBytes} carries its own checksum. */
    private boolean headerChecksumHolds() {
        crc.reset();
        crc.update(chunkBytes, 0, 120);
        crc.update(chunkBytes, 128, CHUNK_HEADER_SIZE - 128);
        final int stored = (chunkBytes[124] & 0xFF) | (chunkBytes[125] & 0xFF) << 8 | (chunkBytes[126] & 0xFF) << 16
                | (chunkBytes[127] & 0xFF) << 24;
        return (int) crc.getValue() == stored;
    }

    /**
     * Reads the chunk starting at {@code chunkOffset} of {@code buffer}, of which {@code available} bytes are
     * present (less than 64 KiB for a truncated file). {@code bufferFileOffset} is the file offset of the
     * buffer's first byte, for reporting. Returns the number of records handed to {@code handler}. Problems in
     * the input are reported, never thrown; only a chunk offset outside the buffer (a caller's bug) throws.
     */
    public int readChunk(String source, DirectBuffer buffer, int chunkOffset, int available, long bufferFileOffset,
                         EvtxRecordHandler handler, ScanProblemHandler problems) {
        if (chunkOffset < 0 || chunkOffset > buffer.capacity()) {
            throwOffsetOutsideBuffer(chunkOffset, buffer.capacity());
        }
        final int length = Math.min(Math.min(available, CHUNK_SIZE), buffer.capacity() - chunkOffset);
        // Everything below reads a copy of the chunk. When a mapped file shrinks under the scan
        // (a log rotated by truncation), reading past its new end faults: in this one bulk copy
        // the JVM turns the fault into an InternalError the worker reports, where a fault in the
        // middle of parsing had let the parser run on with garbage and crash the JVM.
        buffer.getBytes(chunkOffset, chunkBytes, 0, length);
        chunk.wrap(chunkBytes, 0, length);
        return readCopy(source, chunk, length, bufferFileOffset + chunkOffset, handler, problems);
    }

    /** {@link #readChunk} over the chunk's copy, {@code buffer}, whose first byte is at {@code fileOffset} of the file. */
    private int readCopy(String source, DirectBuffer buffer, int length, long fileOffset, EvtxRecordHandler handler,
                         ScanProblemHandler problems) {
        if (length < CHUNK_HEADER_SIZE) {
            if (!isZero(buffer, 0, length)) {
                report(problems, source, fileOffset, "truncated-chunk",
                        "chunk of " + length + " bytes is shorter than its 512-byte header");
            }
            return 0;
        }
        if (buffer.getLong(0, LE) != CHUNK_SIGNATURE) {
            if (isZero(buffer, 0, length)) {
                return 0;
            }
            if (buffer.getInt(CHUNK_HEADER_SIZE, LE) != RECORD_SIGNATURE) {
                report(problems, source, fileOffset, "bad-chunk",
                        "no ElfChnk signature and no record after the header; chunk skipped");
                return 0;
            }
            // A damaged signature alone does not make the records unreadable.
            report(problems, source, fileOffset, "bad-chunk", "no ElfChnk signature; records read anyway");
        }
        final int dataEnd = checkChunk(source, buffer, length, fileOffset, problems);
        view.startChunk();
        int read = 0;
        int position = CHUNK_HEADER_SIZE;
        final int end = dataEnd;
        final int chunkEnd = length;
        while (position + RECORD_HEADER_SIZE <= end) {
            if (buffer.getInt(position, LE) != RECORD_SIGNATURE) {
                if (isZero(buffer, position, end - position)) {
                    break;
                }
                final int next = nextSignature(buffer, position + 1, end);
                report(problems, source, fileOffset + position, "bad-record",
                        "no record signature; skipped " + (next - position) + " bytes");
                position = next;
                continue;
            }
            final long size = buffer.getInt(position + 4, LE) & 0xffff_ffffL;
            if (size < MIN_RECORD_SIZE || position + size > chunkEnd
                    || (buffer.getInt(position + (int) size - 4, LE) & 0xffff_ffffL) != size) {
                final int next = nextSignature(buffer, position + 4, end);
                report(problems, source, fileOffset + position, "bad-record",
                        "invalid record size " + size + "; skipped " + (next - position) + " bytes");
                position = next;
                continue;
            }
            final long recordId = buffer.getLong(position + 8, LE);
            final int recordEnd = position + (int) size;
            if (!parser.parse(buffer, 0, chunkEnd, position + RECORD_HEADER_SIZE, recordEnd - 4, tree)) {
                report(problems, source, fileOffset + parser.failureOffset(), "bad-record",
                        "record " + recordId + ", which starts " + (parser.failureOffset() - position)
                                + " bytes before: " + parser.failure());
            } else if (tree.firstChild[0] == EventTree.NONE) {
                report(problems, source, fileOffset + position, "bad-record",
                        "record " + recordId + " holds no XML element");
            } else {
                view.wrap(buffer, recordId, buffer.getLong(position + 16, LE), fileOffset + position);
                read++;
                records++;
                handler.onRecord(view);
            }
            position = recordEnd;
        }
        return read;
    }

    /**
     * Verifies the chunk header and data checksums, reporting mismatches; returns the end of the record data
     * relative to the chunk (the free-space offset when plausible, else the whole chunk).
     */
    private int checkChunk(String source, DirectBuffer buffer, int length, long fileOffset, ScanProblemHandler problems) {
        if (!headerChecksumHolds()) {
            report(problems, source, fileOffset, "bad-chunk-checksum", "chunk header checksum mismatch; records read anyway");
        }
        final long freeSpace = buffer.getInt(48, LE) & 0xffff_ffffL;
        if (freeSpace < CHUNK_HEADER_SIZE || freeSpace > length) {
            if (freeSpace > CHUNK_SIZE || freeSpace < CHUNK_HEADER_SIZE) {
                report(problems, source, fileOffset, "bad-chunk",
                        "free space offset " + freeSpace + " out of range; reading the whole chunk");
            } else {
                report(problems, source, fileOffset, "truncated-chunk",
                        "chunk data ends at " + freeSpace + " but only " + length + " bytes are present");
            }
            return length;
        }
        crc.reset();
        crc.update(chunkBytes, CHUNK_HEADER_SIZE, (int) freeSpace - CHUNK_HEADER_SIZE);
        if ((int) crc.getValue() != buffer.getInt(52, LE)) {
            report(problems, source, fileOffset, "bad-chunk-checksum", "record data checksum mismatch; records read anyway");
        }
        return (int) freeSpace;
    }

    private static void throwOffsetOutsideBuffer(int chunkOffset, int capacity) {
        throw new IllegalArgumentException("chunk offset " + chunkOffset + " outside a buffer of " + capacity + " bytes");
    }

    private static int nextSignature(DirectBuffer buffer, int from, int end) {
        for (int p = from; p + 4 <= end; p++) {
            if (buffer.getInt(p, LE) == RECORD_SIGNATURE) {
                return p;
            }
        }
        return end;
    }

    static boolean isZero(DirectBuffer buffer, int offset, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (buffer.getLong(offset + i) != 0) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (buffer.getByte(offset + i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void report(ScanProblemHandler problems, String source, long offset, String kind, String message) {
        problems.onProblem(new ScanProblem(source, offset, 0, kind, message));
    }
}
