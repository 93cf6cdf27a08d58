package io.sigscan.engine.evtx;

import static io.sigscan.engine.evtx.EvtxBuilder.concat;
import static io.sigscan.engine.evtx.EvtxBuilder.data;
import static io.sigscan.engine.evtx.EvtxBuilder.event;
import static io.sigscan.engine.evtx.EvtxBuilder.le;
import static io.sigscan.engine.evtx.EvtxBuilder.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sigscan.engine.Fixtures;
import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.Scanner;
import io.sigscan.engine.input.EvtxFormat;
import io.sigscan.engine.input.FormatDetector;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.FieldTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Damaged evidence: every readable record is recovered and every skipped one reported with its offset. */
class EvtxDamagedInputTest {
    private static final int CHUNK_1 = EvtxFile.HEADER_BLOCK_SIZE;
    private static final int CHUNK_2 = EvtxFile.HEADER_BLOCK_SIZE + EvtxFile.CHUNK_SIZE;
    private static final int FIRST_RECORD = CHUNK_1 + 512;

    record Result(List<Long> ids, List<Long> offsets, List<String> problems) {
    }

    private static Result read(byte[] file) {
        final List<Long> ids = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        EvtxFile.read("f.evtx", new UnsafeBuffer(file), FieldTable.builder().build(), view -> {
                    ids.add(view.recordId());
                    offsets.add(view.fileOffset());
                }, problem -> problems.add(problem.toString()));
        return new Result(ids, offsets, problems);
    }

    private static EvtxBuilder records(int count) {
        final EvtxBuilder builder = new EvtxBuilder();
        for (int i = 0; i < count; i++) {
            builder.record(event(1, "Security", data("CommandLine", string("cmd.exe /c echo " + i))));
        }
        return builder;
    }

    private static ByteBuffer view(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void anIntactFileReadsWithoutProblems() {
        final Result result = read(records(3).build());

        assertEquals(List.of(1L, 2L, 3L), result.ids());
        assertEquals(FIRST_RECORD, result.offsets().get(0));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void aChunkDataChecksumMismatchIsReportedAndItsRecordsStillRead() {
        final byte[] file = records(2).build();
        file[FIRST_RECORD + 300] ^= 0x01;

        final Result result = read(file);

        assertEquals(List.of(1L, 2L), result.ids());
        assertEquals(List.of("f.evtx (byte 4096): bad-chunk-checksum: record data checksum mismatch; records read anyway"),
                result.problems());
    }

    @Test
    void aChunkWithADamagedSignatureStillYieldsItsRecords() {
        final byte[] file = records(2).build();
        file[CHUNK_1 + 3] = 'X';

        final Result result = read(file);

        assertEquals(List.of(1L, 2L), result.ids());
        assertEquals(List.of("f.evtx (byte 4096): bad-chunk: no ElfChnk signature; records read anyway",
                "f.evtx (byte 4096): bad-chunk-checksum: chunk header checksum mismatch; records read anyway"),
                result.problems());
    }

    @Test
    void aChunkOfGarbageIsReportedAndSkipped() {
        final EvtxBuilder builder = records(1).newChunk();
        final byte[] file = builder.record(event(2, "System")).build();
        Arrays.fill(file, CHUNK_2, CHUNK_2 + EvtxFile.CHUNK_SIZE, (byte) 0x5a);

        final Result result = read(file);

        assertEquals(List.of(1L), result.ids());
        assertEquals(List.of("f.evtx (byte " + CHUNK_2 + "): bad-chunk: no ElfChnk signature and no record after the header;"
                + " chunk skipped"), result.problems());
    }

    @Test
    void aFileHeaderChecksumMismatchIsReported() {
        final byte[] file = records(1).build();
        file[24] ^= 0x01;

        final Result result = read(file);

        assertEquals(List.of(1L), result.ids());
        assertEquals(List.of("f.evtx (byte 0): bad-file-header: file header checksum mismatch"), result.problems());
    }

    @Test
    void aRecordWithAnInvalidSizeIsSkippedAndReadingResumesAtTheNextRecord() {
        final byte[] file = records(3).build();
        final int second = FIRST_RECORD + view(file).getInt(FIRST_RECORD + 4);
        view(file).putInt(second + 4, 7);
        EvtxBuilder.fixChecksums(file, 0);

        final Result result = read(file);

        assertEquals(List.of(1L, 3L), result.ids());
        final int third = result.offsets().get(1).intValue();
        assertEquals(List.of("f.evtx (byte " + second + "): bad-record: invalid record size 7; skipped "
                + (third - second) + " bytes"), result.problems());
    }

    @Test
    void aTemplateOffsetOutsideTheChunkFailsOnlyThatRecord() {
        final byte[] file = records(2).build();
        final int templateInstance = FIRST_RECORD + 24 + 4;
        view(file).putInt(templateInstance + 6, 0x7fff_0000);
        EvtxBuilder.fixChecksums(file, 0);

        final Result result = read(file);

        assertEquals(List.of(2L), result.ids());
        // The problem's offset is absolute once the scan adds where the chunk lies; the message's is relative to it.
        assertEquals(List.of("f.evtx (byte " + templateInstance + "): bad-record: record 1, which starts "
                + (templateInstance - FIRST_RECORD) + " bytes before: template definition offset 2147418112 outside the chunk"),
                result.problems());
    }

    @Test
    void aNameOffsetOutsideTheChunkFailsOnlyThatRecord() {
        final byte[] file = records(2).build();
        // The first element of the template body: record header, fragment header, instance, definition header,
        // fragment header; its name reference follows the token, dependency id and data size.
        final int nameReference = FIRST_RECORD + 24 + 4 + 10 + 24 + 4 + 7;
        view(file).putInt(nameReference, 0x00ff_ffff);
        EvtxBuilder.fixChecksums(file, 0);

        final Result result = read(file);

        assertEquals(List.of(2L), result.ids());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).endsWith("name offset 16777215 outside the chunk"), result.problems()::toString);
    }

    @Test
    void aTruncatedFileYieldsTheRecordsBeforeTheCutAndReportsTheTornChunk() {
        final EvtxBuilder builder = records(2).newChunk();
        builder.record(event(1, "Security", data("CommandLine", string("a"))));
        builder.record(event(1, "Security", data("CommandLine", string("b"))));
        final byte[] whole = builder.build();
        final Result intact = read(whole);
        final int cut = intact.offsets().get(3).intValue() + 40;

        final Result result = read(Arrays.copyOf(whole, cut));

        assertEquals(List.of(1L, 2L, 3L), result.ids());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith("f.evtx (byte " + CHUNK_2 + "): truncated-chunk")),
                result.problems()::toString);
    }

    @Test
    void aZeroFilledChunkTheHeaderCountsIsReportedAndLaterChunksAreRead() {
        final EvtxBuilder builder = records(1).newChunk();
        builder.record(event(2, "System")).newChunk().record(event(3, "System"));
        final byte[] file = builder.build();
        Arrays.fill(file, CHUNK_2, CHUNK_2 + EvtxFile.CHUNK_SIZE, (byte) 0);

        final Result result = read(file);

        assertEquals(List.of(1L, 3L), result.ids());
        assertEquals(List.of("f.evtx (byte " + CHUNK_2 + "): empty-chunk: chunk 1 is all zeros, though the header counts"
                + " 3 chunks as written: its records are lost"), result.problems());
    }

    /** Windows preallocates: zeroed chunks past the ones the header counts are skipped without a word. */
    @Test
    void zeroFilledChunksPastTheHeadersCountAreSkippedSilently() {
        final byte[] written = records(1).build();
        final byte[] file = Arrays.copyOf(written, written.length + 2 * EvtxFile.CHUNK_SIZE);

        final Result result = read(file);

        assertEquals(List.of(1L), result.ids());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void chunksBeyondTheHeadersCountAreRead() {
        final EvtxBuilder builder = records(1).newChunk();
        final byte[] file = builder.record(event(2, "System")).build();
        view(file).putShort(42, (short) 1);
        view(file).putInt(120, 1);
        view(file).putInt(124, EvtxBuilder.crc(file, 0, 120));

        final Result result = read(file);

        assertTrue(EvtxFile.isDirty(new UnsafeBuffer(file)));
        assertEquals(List.of(1L, 2L), result.ids());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void slackAfterTheFreeSpaceOffsetIsNotReadAsRecords() {
        final byte[] file = records(2).build();
        final int freeSpace = view(file).getInt(CHUNK_1 + 48);
        final int second = FIRST_RECORD + view(file).getInt(FIRST_RECORD + 4);
        view(file).putInt(CHUNK_1 + 48, second - CHUNK_1);
        EvtxBuilder.fixChecksums(file, 0);

        final Result result = read(file);

        assertTrue(freeSpace > second - CHUNK_1);
        assertEquals(List.of(1L), result.ids());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void templatesThatInstantiateThemselvesFailTheRecordInsteadOfRecursingForever() {
        final byte[] file = new EvtxBuilder().rawRecord(EvtxDamagedInputTest::selfInstantiatingTemplate)
                .record(event(2, "System")).build();

        final Result result = read(file);

        assertEquals(List.of(2L), result.ids());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).contains("templates nested deeper than 64")
                || result.problems().get(0).contains("too complex"), result.problems()::toString);
    }

    /** A record instantiating a template whose body instantiates itself twice: exponential without limits. */
    private static byte[] selfInstantiatingTemplate(int start) {
        final int definition = start + 4 + 10;
        final byte[] selfInstance = concat(new byte[] {0x0c, 0x01}, le(4, 1), le(4, definition), le(4, 0));
        final byte[] body = concat(new byte[] {0x0f, 1, 1, 0}, selfInstance, selfInstance, new byte[] {0});
        return concat(new byte[] {0x0f, 1, 1, 0}, new byte[] {0x0c, 0x01}, le(4, 1), le(4, definition),
                le(4, 0), new byte[16], le(4, body.length), body, le(4, 0), new byte[] {0});
    }

    @Test
    void aRecordWithoutAnyElementIsReportedAndSkipped() {
        final byte[] file = new EvtxBuilder().rawRecord(start -> new byte[] {0x0f, 1, 1, 0, 0})
                .record(event(2, "System")).build();

        final Result result = read(file);

        assertEquals(List.of(2L), result.ids());
        assertEquals(List.of("f.evtx (byte " + FIRST_RECORD + "): bad-record: record 1 holds no XML element"),
                result.problems());
    }

    /** One flipped byte in the file signature must not turn an intact log into lines of text. */
    @Test
    void aFileWhoseSignatureIsDamagedIsStillReadAsEvtxAndTheHeaderReported() {
        final byte[] file = records(2).build();
        file[7] = '!';
        final UnsafeBuffer buffer = new UnsafeBuffer(file);
        assertFalse(EvtxFile.looksLikeEvtx(buffer));
        assertTrue(EvtxFile.hasFirstChunk(buffer, 0, file.length));
        assertEquals(EvtxFormat.INSTANCE, FormatDetector.detect(buffer, 0, file.length, 1 << 20, null).format());
        final Result result = read(file);
        assertEquals(List.of(1L, 2L), result.ids());
        assertEquals(List.of("f.evtx (byte 0): bad-file-header: no ElfFile signature"), result.problems());
        assertFalse(EvtxFile.hasFirstChunk(new UnsafeBuffer("{\"Event\":1}\n".getBytes()), 0, 12));
    }

    /** Bytes inserted between chunks shift the rest off the 64 KiB grid: each is found where it is. */
    @Test
    void chunksShiftedOffTheGridByInsertedBytesAreFoundAndRead() {
        final byte[] file = records(2).newChunk().record(event(1, "Security", data("CommandLine", string("third"))))
                .newChunk().record(event(1, "Security", data("CommandLine", string("fourth")))).build();
        final byte[] shifted = insert(file, CHUNK_2, new byte[] {'x', 'y', 'z'});
        final Result result = read(shifted);
        assertEquals(List.of(1L, 2L, 3L, 4L), result.ids());
        assertEquals(List.of(shiftedChunk(CHUNK_2, 3), shiftedChunk(CHUNK_2 + EvtxFile.CHUNK_SIZE, 3)), result.problems());
    }

    /** {@code cat a.evtx b.evtx}: the second file's header takes the place of a chunk; its chunks are read. */
    @Test
    void aSecondFileJoinedToTheFirstIsReadToo() {
        final byte[] first = records(2).build();
        final byte[] second = new EvtxBuilder().record(event(1, "Security", data("CommandLine", string("b1"))))
                .newChunk().record(event(1, "Security", data("CommandLine", string("b2")))).build();
        final byte[] joined = insert(first, first.length, second);
        final Result result = read(joined);
        assertEquals(List.of(1L, 2L, 1L, 2L), result.ids());
        assertEquals(List.of(shiftedChunk(CHUNK_2, EvtxFile.HEADER_BLOCK_SIZE),
                shiftedChunk(CHUNK_2 + EvtxFile.CHUNK_SIZE, EvtxFile.HEADER_BLOCK_SIZE)), result.problems());
        final CompiledRuleSet everyEvent = Fixtures.ruleSet(FieldTable.builder().build(), Fixtures.rule("any", event -> true));
        for (int chunkBytes : new int[] {1, EvtxFile.CHUNK_SIZE, 1 << 20}) {
            final Recorder out = new Recorder();
            new Scanner(everyEvent, ScanOptions.defaults().withThreads(2).withChunkBytes(chunkBytes))
                    .scan("f.evtx", new UnsafeBuffer(joined), 0, joined.length, out, out);
            assertEquals(4, out.matches.size(), "work units of " + chunkBytes + " bytes");
        }
    }

    private static String shiftedChunk(long slot, int by) {
        return "f.evtx (byte " + slot + "): bad-chunk: no chunk where one should start; one starts " + by
                + " bytes further on (bytes inserted, or files joined), and was read there";
    }

    private static byte[] insert(byte[] file, int at, byte[] inserted) {
        final byte[] result = new byte[file.length + inserted.length];
        System.arraycopy(file, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(file, at, result, at + inserted.length, file.length - at);
        return result;
    }

    /** Carving tools recover chunks without their file header: read as EVTX, the same records, no problem. */
    @Test
    void chunksWithoutTheirFileHeaderAreReadAsEvtx() {
        final byte[] file = records(2).newChunk().record(event(1, "Security", data("CommandLine", string("x")))).build();
        final byte[] chunks = Arrays.copyOfRange(file, EvtxFile.HEADER_BLOCK_SIZE, file.length);
        final UnsafeBuffer buffer = new UnsafeBuffer(chunks);
        assertEquals(EvtxFormat.CHUNKS_ONLY, FormatDetector.detect(buffer, 0, chunks.length, 1 << 20, null).format());
        final CompiledRuleSet everyEvent = Fixtures.ruleSet(FieldTable.builder().build(), Fixtures.rule("any", event -> true));
        final List<String> whole = Fixtures.matchedTitles(everyEvent, ScanOptions.defaults(), "f.evtx", file);
        final List<String> carved = Fixtures.matchedTitles(everyEvent, ScanOptions.defaults().withChunkBytes(1), "c.evtx",
                chunks);
        assertEquals(3, whole.size());
        assertEquals(whole.stream().map(hit -> shiftedOffset(hit, -EvtxFile.HEADER_BLOCK_SIZE)).toList(), carved);
    }

    private static String shiftedOffset(String hit, long by) {
        final int at = hit.indexOf(" @") + 2;
        return hit.substring(0, at) + (Long.parseLong(hit.substring(at)) + by);
    }

    @Test
    void bytesThatAreNotEvtxAreRecognisedByContent() {
        final byte[] file = records(1).build();
        assertTrue(EvtxFile.looksLikeEvtx(new UnsafeBuffer(file)));
        assertFalse(EvtxFile.looksLikeEvtx(new UnsafeBuffer("{\"Event\":1}\n".getBytes())));
        assertFalse(EvtxFile.looksLikeEvtx(new UnsafeBuffer(new byte[4])));
        assertFalse(EvtxFile.looksLikeEvtx(new UnsafeBuffer(file), 1, file.length - 1));
    }
}
