package io.sigscan.engine.evtx;

import static io.sigscan.engine.Fixtures.contains;
import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static io.sigscan.engine.evtx.EvtxBuilder.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.Match;
import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.Scanner;
import io.sigscan.engine.state.IncrementalPlan;
import io.sigscan.engine.state.ScanState;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.FieldTable;

/** EVTX files growing by whole chunks: each run reads only the chunks that were not complete before. */
class EvtxIncrementalScanTest {
    @TempDir
    Path dir;

    private final FieldTable.Builder fields = FieldTable.builder();
    private final int channel = fields.add("Channel");
    private final CompiledRuleSet rules = ruleSet(fields.build(), rule("security", contains(channel, "Security")));

    private static byte[] log(int chunks) {
        EvtxBuilder builder = new EvtxBuilder();
        for (int i = 0; i < chunks; i++) {
            if (i > 0) {
                builder.newChunk();
            }
            builder.record(event(4688, "Security"));
        }
        return builder.build();
    }

    private ScanState run(ScanState previous, List<Long> expectedRecords) {
        IncrementalPlan plan = IncrementalPlan.of(previous, List.of(dir));
        Recorder recorder = new Recorder();
        new Scanner(rules, ScanOptions.defaults().withThreads(2)).scanInputs(plan.inputs(), recorder, recorder, plan);
        assertEquals(List.of(), recorder.problems);
        assertEquals(expectedRecords, recorder.matches.stream().map(Match::record).toList());
        return plan.next();
    }

    @Test
    void aGrowingLogIsReadChunkByChunkAlthoughItsHeaderChanges() throws IOException {
        Path file = dir.resolve("Security.evtx");
        Files.write(file, log(2));
        ScanState first = run(ScanState.EMPTY, List.of(1L, 2L));
        assertEquals(EvtxFile.HEADER_BLOCK_SIZE + 2L * EvtxFile.CHUNK_SIZE, first.files().get(0).offset());

        byte[] grown = log(4);
        // The header (chunk count, checksum) is rewritten in place; the fourth chunk is only half there.
        Files.write(file, Arrays.copyOf(grown, EvtxFile.HEADER_BLOCK_SIZE + 3 * EvtxFile.CHUNK_SIZE + 1000),
                StandardOpenOption.TRUNCATE_EXISTING);
        ScanState second = run(first, List.of(3L));

        Files.write(file, grown, StandardOpenOption.TRUNCATE_EXISTING);
        run(second, List.of(4L));
    }
}
