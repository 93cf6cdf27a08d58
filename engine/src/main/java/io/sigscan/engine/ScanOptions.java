package io.sigscan.engine;

import io.sigscan.engine.json.FieldProfile;

/**
 * How a {@link Scanner} divides its work.
 *
 * @param threads        scan workers (the calling thread only orders and emits results)
 * @param chunkBytes     target size of one unit of parallel work; chunks end on record boundaries,
 *                       so a chunk may be longer by up to one record
 * @param maxRecordBytes records longer than this are skipped and reported as {@code too-long};
 *                       at most {@link #MAX_RECORD_BYTES_LIMIT} so that a record always fits in
 *                       one memory-mapped window
 * @param profile        how JSON keys map onto Sigma field names; null to detect it per file from
 *                       the file's first records (see {@link FieldProfile})
 */
public record ScanOptions(int threads, int chunkBytes, int maxRecordBytes, FieldProfile profile) {

    /** Default target chunk size: big enough to amortise task overhead, small enough to balance. */
    public static final int DEFAULT_CHUNK_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;
    /** Half of the 1 GiB mapping window. */
    public static final int MAX_RECORD_BYTES_LIMIT = 512 << 20;
    /** The most workers a {@link java.util.concurrent.ForkJoinPool} accepts. */
    public static final int MAX_THREADS = 0x7fff;

    public ScanOptions {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ", not " + threads);
        }
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be positive, not " + chunkBytes);
        }
        if (maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxRecordBytes must be 1.." + MAX_RECORD_BYTES_LIMIT + ", not "
                    + maxRecordBytes);
        }
    }

    /** Options with the JSON profile detected per file. */
    public ScanOptions(int threads, int chunkBytes, int maxRecordBytes) {
        this(threads, chunkBytes, maxRecordBytes, null);
    }

    /** One worker per available processor, 16 MiB chunks, records up to 64 MiB, profile detected per file. */
    public static ScanOptions defaults() {
        return new ScanOptions(Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK_BYTES,
                DEFAULT_MAX_RECORD_BYTES);
    }

    public ScanOptions withThreads(int newThreads) {
        return new ScanOptions(newThreads, chunkBytes, maxRecordBytes, profile);
    }

    public ScanOptions withChunkBytes(int newChunkBytes) {
        return new ScanOptions(threads, newChunkBytes, maxRecordBytes, profile);
    }

    public ScanOptions withMaxRecordBytes(int newMaxRecordBytes) {
        return new ScanOptions(threads, chunkBytes, newMaxRecordBytes, profile);
    }

    /** The same options reading every JSON file with {@code newProfile}; null detects it per file. */
    public ScanOptions withProfile(FieldProfile newProfile) {
        return new ScanOptions(threads, chunkBytes, maxRecordBytes, newProfile);
    }
}
