package io.sigscan.cli.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Generates a working day of Windows process-creation events from a fleet of office machines,
 * developer workstations and build agents, as JSON lines. Mostly benign noise (services,
 * browsers, editors, git, node and MSBuild builds); woven through it, at evenly spread
 * positions, a small npm supply-chain compromise ({@code npm.cmd} and {@code node.exe} spawning
 * encoded PowerShell and {@code curl} through {@code cmd.exe} on two hosts) and a few near
 * misses that a sloppy rule would flag.
 *
 * <p>Deterministic: the same seed and event count give the same events, byte for byte, on any
 * JVM ({@link Random}'s algorithm is specified). Not thread-safe; one generator per stream.
 */
public final class ProcessEventGenerator {

    /** How many events of every sample belong to the compromise story (near misses included). */
    public static final int STORY_EVENTS = CompromiseStory.steps().size();

    private static final Instant START = Instant.parse("2026-03-02T07:30:00Z");
    private static final long WORKDAY_MILLIS = 10L * 3600 * 1000;
    private static final EventShape[] SHAPES = EventShape.values();

    private final long events;
    private final Random random;
    private final EventRenderer renderer;
    private final List<Host> hosts = Fleet.hosts();
    private final List<Launch> story = CompromiseStory.steps();
    private final long meanStepMillis;
    private long produced;
    private int storyStep;
    private long clockMillis = START.toEpochMilli();

    /**
     * @param seed   selects the sample; equal seeds give equal samples
     * @param events how many events to produce in all, at least {@link #STORY_EVENTS}
     */
    public ProcessEventGenerator(long seed, long events) {
        if (events < STORY_EVENTS) {
            throw new IllegalArgumentException("a sample needs at least " + STORY_EVENTS + " events, not " + events);
        }
        this.events = events;
        this.random = new Random(seed);
        this.renderer = new EventRenderer(new RandomValues(random));
        this.meanStepMillis = Math.max(1, WORKDAY_MILLIS / events);
    }

    /** One generated event: the shape it has (and so the file it belongs in) and its JSON line. */
    public record GeneratedEvent(EventShape shape, String json) {
    }

    public boolean hasNext() {
        return produced < events;
    }

    /** The next event, without a line terminator. */
    public GeneratedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + events + " events have been generated");
        }
        clockMillis += random.nextInt((int) Math.min(Integer.MAX_VALUE, 2 * meanStepMillis + 1));
        Instant time = Instant.ofEpochMilli(clockMillis);
        long recordNumber = 1_000_000 + produced;
        GeneratedEvent event;
        if (storyStep < story.size() && produced == storyPosition(storyStep)) {
            // Story steps cycle through the shapes so that every shape carries part of the attack.
            EventShape shape = SHAPES[storyStep % SHAPES.length];
            event = new GeneratedEvent(shape, renderer.render(shape, story.get(storyStep), time, recordNumber));
            storyStep++;
        } else {
            EventShape shape = noiseShape();
            Host host = hosts.get(random.nextInt(hosts.size()));
            event = new GeneratedEvent(shape, renderer.render(shape, BenignActivity.next(random, host), time, recordNumber));
        }
        produced++;
        return event;
    }

    /** Story step {@code step} sits at an even fraction of the sample, so any sample size has it all. */
    private long storyPosition(int step) {
        return (step + 1) * events / (story.size() + 1);
    }

    private EventShape noiseShape() {
        int ticket = random.nextInt(10);
        if (ticket < 6) {
            return EventShape.SYSMON_FLAT;
        }
        return ticket < 9 ? EventShape.SECURITY_4688 : EventShape.SYSMON_NESTED;
    }

    /**
     * Writes a whole sample into {@code directory}, one JSON-lines file per {@link EventShape}
     * (created or replaced), and returns the files in shape order.
     */
    public static List<Path> writeSample(Path directory, long events, long seed) throws IOException {
        ProcessEventGenerator generator = new ProcessEventGenerator(seed, events);
        Map<EventShape, Writer> writers = new EnumMap<>(EventShape.class);
        List<Path> files = new ArrayList<>();
        try {
            for (EventShape shape : SHAPES) {
                Path file = directory.resolve(shape.fileName());
                files.add(file);
                writers.put(shape, new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
            }
            while (generator.hasNext()) {
                GeneratedEvent event = generator.next();
                Writer writer = writers.get(event.shape());
                writer.write(event.json());
                writer.write('\n');
            }
        } finally {
            closeAll(writers.values());
        }
        return List.copyOf(files);
    }

    private static void closeAll(Iterable<Writer> writers) throws IOException {
        IOException failure = null;
        for (Writer writer : writers) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
