package io.sigscan.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.engine.evtx.EvtxFile;

/**
 * Tells whether a file is the one an earlier scan read. The key is the file system's identity
 * (device and inode on Unix), which follows a file through a rename such as log rotation; where
 * the platform has none, the absolute path. The fingerprint, a SHA-256 of the first
 * {@value #FINGERPRINT_BYTES} bytes already read, catches an inode reused by a new file and a file
 * rewritten in place. EVTX files rewrite their header block whenever they are written, so their
 * fingerprint covers the start of their first chunk instead.
 */
final class FileIdentity {
    static final int FINGERPRINT_BYTES = 4096;

    private FileIdentity() {
    }

    static String key(Path path, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key != null ? key.toString() : "path:" + path.toAbsolutePath().normalize();
    }

    /** A fingerprint and the bytes it covers. */
    record Fingerprint(int length, String hash) {
    }

    /** The fingerprint of a file read up to {@code readEnd}: as many covered bytes as were read, at most 4 KiB. */
    static Fingerprint of(Path path, long readEnd) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long from = coveredFrom(channel);
            int length = (int) Math.max(0, Math.min(FINGERPRINT_BYTES, readEnd - from));
            return new Fingerprint(length, hash(channel, from, length));
        }
    }

    /** Whether the file still starts with the bytes {@code fingerprint} was taken of. */
    static boolean matches(Path path, int length, String fingerprint) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return fingerprint.equals(hash(channel, coveredFrom(channel), length));
        }
    }

    private static long coveredFrom(FileChannel channel) throws IOException {
        byte[] magic = read(channel, 0, 8);
        return magic != null && EvtxFile.looksLikeEvtx(new UnsafeBuffer(magic)) ? EvtxFile.HEADER_BLOCK_SIZE : 0;
    }

    /** The hash of {@code [from, from + length)}, or null when the file is shorter. */
    private static String hash(FileChannel channel, long from, int length) throws IOException {
        byte[] bytes = read(channel, from, length);
        return bytes == null ? null : HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static byte[] read(FileChannel channel, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
