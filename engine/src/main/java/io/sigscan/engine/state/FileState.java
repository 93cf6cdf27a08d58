package io.sigscan.engine.state;

/**
 * How far earlier scans read one file.
 *
 * @param key               the file's identity: device and inode where the platform has them
 * @param name              the name it was last scanned under (for people; identity is {@code key})
 * @param offset            bytes read: the end of the last complete record
 * @param lineBreaks        line breaks before {@code offset}
 * @param fingerprintLength bytes the fingerprint covers
 * @param fingerprint       hash of the file's first bytes, hexadecimal (see {@link FileIdentity})
 */
public record FileState(String key, String name, long offset, long lineBreaks, int fingerprintLength,
                        String fingerprint) {
}
