package io.sigscan.engine.evtx;

import java.nio.ByteOrder;
import java.util.zip.CRC32;

import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.rules.event.FieldTable;
import org.agrona.DirectBuffer;

/**
 * Entry point to the EVTX reader: content detection, the file header, and the layout of chunks so a scan can
 * hand each 64 KiB chunk to a worker's {@link EvtxChunkReader}. Chunks are found by position, not by the
 * header's chunk count, so chunks a dirty header does not count yet are read too.
 */
public final class EvtxFile {
    /** Size of the file header block that precedes the first chunk. */
    public static final int HEADER_BLOCK_SIZE = 0x1000;
    /** Size of every chunk. */
    public static final int CHUNK_SIZE = EvtxChunkReader.CHUNK_SIZE;

    private static final long FILE_SIGNATURE = 0x00656c6946666c45L; // "ElfFile\0"
    private static final int FLAG_DIRTY = 1;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private EvtxFile() {
    }

    /** Whether the bytes start with the EVTX file signature, whatever the file is called. */
    public static boolean looksLikeEvtx(DirectBuffer buffer, int offset, int length) {
        return length >= 8 && offset >= 0 && offset + 8 <= buffer.capacity()
                && buffer.getLong(offset, LE) == FILE_SIGNATURE;
    }

    /**
     * Whether a chunk signature stands where an EVTX file's first chunk begins: an EVTX file whose
     * header is damaged, whose chunks may all be intact, is still read as one (the header check
     * reports the damage) rather than as lines of text.
     */
    public static boolean hasFirstChunk(DirectBuffer buffer, int offset, int length) {
        return length >= HEADER_BLOCK_SIZE + 8 && offset >= 0 && offset + HEADER_BLOCK_SIZE + 8 <= buffer.capacity()
                && buffer.getLong(offset + HEADER_BLOCK_SIZE, LE) == EvtxChunkReader.CHUNK_SIGNATURE;
    }

    /**
     * Whether the bytes start with a chunk signature: chunks without their file header, as
     * carving tools recover them from disk images and memory.
     */
    public static boolean startsWithChunk(DirectBuffer buffer, int offset, int length) {
        return length >= 8 && offset >= 0 && offset + 8 <= buffer.capacity()
                && buffer.getLong(offset, LE) == EvtxChunkReader.CHUNK_SIGNATURE;
    }

    /** Same as {@link #looksLikeEvtx(DirectBuffer, int, int)} over the whole buffer. */
    public static boolean looksLikeEvtx(DirectBuffer buffer) {
        return looksLikeEvtx(buffer, 0, buffer.capacity());
    }

    /** How many chunks (whole or truncated) a file of this length holds after its header block. */
    public static int chunkCount(long fileLength) {
        if (fileLength <= HEADER_BLOCK_SIZE) {
            return 0;
        }
        return (int) ((fileLength - HEADER_BLOCK_SIZE + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    /** File offset of chunk {@code index}. */
    public static long chunkOffset(int index) {
        return HEADER_BLOCK_SIZE + (long) index * CHUNK_SIZE;
    }

    /**
     * Checks the file header at the start of {@code buffer} and reports what is wrong with it (signature,
     * checksum, version, a chunk count that disagrees with the file). Returns false only when the file does not
     * start with the EVTX signature; the chunks may still be read.
     */
    public static boolean checkHeader(String source, DirectBuffer buffer, long fileLength, ScanProblemHandler problems) {
        if (!looksLikeEvtx(buffer, 0, (int) Math.min(fileLength, buffer.capacity()))) {
            report(problems, source, 0, "bad-file-header", "no ElfFile signature");
            return false;
        }
        if (fileLength < 128 || buffer.capacity() < 128) {
            report(problems, source, 0, "truncated-file", "file of " + fileLength + " bytes ends inside its header");
            return true;
        }
        final byte[] header = new byte[120];
        buffer.getBytes(0, header);
        final CRC32 crc = new CRC32();
        crc.update(header);
        if ((int) crc.getValue() != buffer.getInt(124, LE)) {
            report(problems, source, 0, "bad-file-header", "file header checksum mismatch");
        }
        final int major = buffer.getShort(38, LE) & 0xffff;
        if (major != 3) {
            report(problems, source, 0, "bad-file-header", "unknown format version " + major + "."
                    + (buffer.getShort(36, LE) & 0xffff) + "; reading as 3.x");
        }
        final int declaredChunks = buffer.getShort(42, LE) & 0xffff;
        final int presentChunks = chunkCount(fileLength);
        if (declaredChunks > presentChunks) {
            report(problems, source, -1, "truncated-file", "header declares " + declaredChunks
                    + " chunks but the file holds " + presentChunks);
        }
        reportZeroedChunks(source, buffer, Math.min(declaredChunks, presentChunks), problems);
        return true;
    }

    /**
     * Chunks of zeros among the first {@code declared}: a file preallocates zeroed chunks past the
     * ones it declares, which readers skip, but one the header counts as written has lost its
     * records. Checked within {@code buffer} (the scan's first window).
     */
    private static void reportZeroedChunks(String source, DirectBuffer buffer, int declared, ScanProblemHandler problems) {
        for (int i = 0; i < declared; i++) {
            final long offset = chunkOffset(i);
            if (offset + CHUNK_SIZE > buffer.capacity()) {
                return;
            }
            if (EvtxChunkReader.isZero(buffer, (int) offset, CHUNK_SIZE)) {
                report(problems, source, offset, "empty-chunk", "chunk " + i + " is all zeros, though the header counts "
                        + declared + " chunks as written: its records are lost");
            }
        }
    }

    /** Whether the header's dirty flag is set (the log was not closed cleanly; the header may lag the chunks). */
    public static boolean isDirty(DirectBuffer buffer) {
        return buffer.capacity() >= 124 && (buffer.getInt(120, LE) & FLAG_DIRTY) != 0;
    }

    /**
     * Reads a whole file held in {@code buffer} sequentially: header check, then every chunk in order. A
     * convenience for small inputs and tests; scans hand chunks to per-worker readers instead.
     */
    public static long read(String source, DirectBuffer buffer, FieldTable fields, EvtxRecordHandler records,
                            ScanProblemHandler problems) {
        final long length = buffer.capacity();
        checkHeader(source, buffer, length, problems);
        final EvtxChunkReader reader = new EvtxChunkReader(fields);
        if (length > HEADER_BLOCK_SIZE) {
            reader.readChunks(source, buffer, HEADER_BLOCK_SIZE, (int) length, 0, records, problems);
        }
        return reader.records();
    }

    private static void report(ScanProblemHandler problems, String source, long offset, String kind, String message) {
        problems.onProblem(new ScanProblem(source, offset, 0, kind, message));
    }
}
