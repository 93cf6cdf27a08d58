package io.sigscan.engine.evtx;

import static io.sigscan.engine.evtx.EvtxBuilder.data;
import static io.sigscan.engine.evtx.EvtxBuilder.element;
import static io.sigscan.engine.evtx.EvtxBuilder.event;
import static io.sigscan.engine.evtx.EvtxBuilder.string;
import static io.sigscan.engine.evtx.EvtxBuilder.u32;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.sigscan.rules.event.FieldTable;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Mutated files (bit flips, garbage runs, zero-filled chunks, cuts around every chunk boundary) must each be
 * read to the end quickly, without an exception escaping the reader or any read out of bounds.
 */
class EvtxFuzzTest {
    private static final FieldTable FIELDS = fields("EventID", "Channel", "Provider_Name", "CommandLine",
            "TargetUserName", "Data", "TimeCreated_SystemTime", "Image");
    private static final long SEED = 0x5EED_E7C5L;

    private static FieldTable fields(String... names) {
        final FieldTable.Builder builder = FieldTable.builder();
        for (String name : names) {
            builder.add(name);
        }
        return builder.build();
    }

    @Test
    void mutatedSyntheticFilesReadWithoutException() {
        final EvtxBuilder builder = new EvtxBuilder();
        for (int i = 0; i < 40; i++) {
            builder.record(event(4688 + i % 3, "Security",
                    data("CommandLine", string("cmd.exe /c echo " + i)),
                    data("TargetUserName", string("user" + i)),
                    data("ProcessId", u32(i)),
                    element("Data", string("unnamed " + i))));
        }
        final byte[] original = builder.build();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fuzz("synthetic", original, 1500));
    }

    @Test
    void mutatedSampleFilesReadWithoutException() {
        final Path samples = TestData.directory("sigscan.evtxSamples");
        final List<String> files = List.of(
                "DeepBlueCLI/mimikatz-privesc-hashdump.evtx",
                "EVTX-to-MITRE-Attack/Antivirus/ID1116-1117-Defender threat detected.evtx",
                "EVTX-to-MITRE-Attack/TA0002-Execution/T1047-Windows Management Instrumentation/"
                        + "ID3-7-10-Suspicious DLL loaded (CME+Mimikatz).evtx");
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (String file : files) {
                fuzz(file, TestData.load(samples.resolve(file)).byteArray(), 600);
            }
        });
    }

    @Test
    void sampleCutAroundEveryChunkBoundaryReadsWithoutException() {
        final Path samples = TestData.directory("sigscan.evtxSamples");
        final byte[] original = TestData.load(samples.resolve("DeepBlueCLI/password-spray.evtx")).byteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            final long intact = readAll("password-spray", original);
            long previous = -1;
            for (int chunk = 0; chunk <= EvtxFile.chunkCount(original.length); chunk++) {
                final int boundary = (int) EvtxFile.chunkOffset(chunk);
                for (int delta : new int[] {-1, 0, 1, 100, 511, 512, 600, 4000, 33_000}) {
                    final int cut = boundary + delta;
                    if (cut >= 0 && cut <= original.length) {
                        final long records = readAll("cut@" + cut, Arrays.copyOf(original, cut));
                        assertTrue(records <= intact, "a cut file cannot yield more records");
                        if (delta == 0) {
                            assertTrue(records >= previous, "more of the file yields no fewer records");
                            previous = records;
                        }
                    }
                }
            }
        });
    }

    private static void fuzz(String name, byte[] original, int mutations) {
        final Random random = new Random(SEED ^ name.hashCode());
        final int chunks = EvtxFile.chunkCount(original.length);
        for (int m = 0; m < mutations; m++) {
            final byte[] mutated = original.clone();
            switch (m % 4) {
                case 0 -> {
                    for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                        final int at = random.nextInt(mutated.length);
                        mutated[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    final int at = EvtxFile.HEADER_BLOCK_SIZE + random.nextInt(mutated.length - EvtxFile.HEADER_BLOCK_SIZE);
                    final int length = Math.min(mutated.length - at, 1 + random.nextInt(64));
                    for (int i = 0; i < length; i++) {
                        mutated[at + i] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> {
                    // A small value written over a length or offset field: the likeliest way to mislead a parser.
                    final int at = EvtxFile.HEADER_BLOCK_SIZE + random.nextInt(mutated.length - EvtxFile.HEADER_BLOCK_SIZE - 4);
                    final int value = random.nextBoolean() ? random.nextInt(0x10000) : random.nextInt();
                    mutated[at] = (byte) value;
                    mutated[at + 1] = (byte) (value >>> 8);
                    mutated[at + 2] = (byte) (value >>> 16);
                    mutated[at + 3] = (byte) (value >>> 24);
                }
                default -> {
                    if (chunks > 0) {
                        final int chunk = random.nextInt(chunks);
                        final int from = (int) EvtxFile.chunkOffset(chunk);
                        Arrays.fill(mutated, from, Math.min(mutated.length, from + EvtxFile.CHUNK_SIZE), (byte) 0);
                    }
                    final int cut = random.nextInt(mutated.length + 1);
                    readAll(name + " zeroed and cut at " + cut, Arrays.copyOf(mutated, cut));
                }
            }
            readAll(name + " mutation " + m, mutated);
        }
    }

    /** Reads every record, touching every projected value and rendering the JSON, as a scan of matches would. */
    private static long readAll(String name, byte[] file) {
        final long[] sink = new long[1];
        final long started = System.nanoTime();
        final long records = EvtxFile.read(name, new UnsafeBuffer(file), FIELDS, view -> {
            for (int slot = 0; slot < FIELDS.size(); slot++) {
                for (int i = 0; i < view.valueCount(slot); i++) {
                    final DirectBuffer buffer = view.valueBuffer(slot, i);
                    final int offset = view.valueOffset(slot, i);
                    final int length = view.valueLength(slot, i);
                    sink[0] += view.valueKind(slot, i) + (length > 0 ? buffer.getByte(offset + length - 1) : 0);
                }
            }
            sink[0] += view.toJson().length();
        }, problem -> sink[0] += problem.message().length());
        final long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2_000, name + " took " + millis + " ms");
        return records;
    }
}
