package io.sigscan.cli.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * An endless stream of Windows telemetry as flat (NXLog-style) JSON lines: Sysmon events 1, 3, 7,
 * 10, 11 and 13, Security 4624 and 4688 and PowerShell 4104, in the shares of
 * {@link TelemetryKind}, from the fleet of the demo. About one event in {@value #ATTACK_ODDS} is
 * an attack variant of its kind (the npm compromise and its near misses for process creations;
 * C2 connections, LSASS access and dumps, persistence, pass-the-hash, malicious script blocks).
 * Events are 0 to 4 ms apart (500 a second on average) from a fixed start time.
 *
 * <p>Deterministic: the same seed gives the same events, byte for byte, on any JVM. Holds no
 * more than one event at a time. Not thread-safe.
 */
public final class TelemetryGenerator {
    /** One event in this many, on average, is an attack variant. */
    public static final int ATTACK_ODDS = 1000;

    private static final Instant START = Instant.parse("2026-03-02T07:30:00Z");

    private final Random random;
    private final RandomValues values;
    private final EventRenderer processes;
    private final JsonLine line = new JsonLine();
    private final List<Host> hosts = Fleet.hosts();
    private final List<Launch> story = CompromiseStory.steps();
    private long produced;
    private long clockMillis = START.toEpochMilli();

    public TelemetryGenerator(long seed) {
        this.random = new Random(seed);
        this.values = new RandomValues(random);
        this.processes = new EventRenderer(values);
    }

    /** One generated event: its kind, whether it is an attack variant, and its JSON line (no terminator). */
    public record Event(TelemetryKind kind, boolean attack, String json) {
    }

    /** What {@link #write} wrote. */
    public record Written(long events, long bytes) {
    }

    public Event next() {
        clockMillis += random.nextInt(5);
        Instant time = Instant.ofEpochMilli(clockMillis);
        TelemetryKind kind = TelemetryKind.forTicket(random.nextInt(TelemetryKind.TOTAL_WEIGHT));
        boolean attack = random.nextInt(ATTACK_ODDS) == 0;
        Host host = hosts.get(random.nextInt(hosts.size()));
        long recordNumber = 1_000_000 + produced++;
        String json;
        switch (kind) {
            case SYSMON_PROCESS_CREATION -> json = processes.render(EventShape.SYSMON_FLAT, launch(host, attack), time,
                    recordNumber);
            case SECURITY_PROCESS_CREATION -> json = processes.render(EventShape.SECURITY_4688, launch(host, attack), time,
                    recordNumber);
            default -> json = render(kind, host, time, recordNumber, attack);
        }
        return new Event(kind, attack, json);
    }

    private Launch launch(Host host, boolean attack) {
        return attack ? story.get(random.nextInt(story.size())) : BenignActivity.next(random, host);
    }

    private String render(TelemetryKind kind, Host host, Instant time, long recordNumber, boolean attack) {
        line.clear();
        line.open();
        line.windowsHeader(EventRenderer.EVENT_TIME.format(time), host.name(), kind.eventId(), kind.provider(),
                kind.channel(), recordNumber, kind.category());
        if (kind.provider() == Provider.SYSMON) {
            line.field("Severity", "INFO");
        }
        kind.data().write(line, values, host, time, attack);
        line.close();
        return line.text();
    }

    /**
     * Writes events of the sample {@code seed}, one per line, until {@code maxEvents} are written
     * or the next line would take the output past {@code maxBytes} (UTF-8 bytes, line ends included).
     */
    public static Written write(Writer out, long seed, long maxEvents, long maxBytes) throws IOException {
        TelemetryGenerator generator = new TelemetryGenerator(seed);
        long events = 0;
        long bytes = 0;
        while (events < maxEvents) {
            String json = generator.next().json();
            long length = utf8Length(json) + 1;
            if (bytes + length > maxBytes) {
                break;
            }
            out.write(json);
            out.write('\n');
            events++;
            bytes += length;
        }
        out.flush();
        return new Written(events, bytes);
    }

    /** Bytes of {@code text} in UTF-8 (the generator writes only well-formed text). */
    static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
