package io.sigscan.engine;

import java.util.Objects;

import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.model.RuleInfo;

/**
 * One rule hit on one event, as handed to a {@link MatchHandler}. The event is one line of
 * compact JSON.
 *
 * <p>During a scan the event's bytes are <em>lent</em>: they stay in a buffer the scan reuses
 * once the handler has seen every match of the chunk, so that matching allocates nothing unless
 * a handler asks for text. Read {@link #eventJson()} while the handler runs (the text is then
 * kept by the match), or keep {@link #detached()}; asking for the text of a lent event after its
 * buffer was reused throws {@link IllegalStateException} instead of returning another event.
 */
public final class Match {
    private final RuleInfo rule;
    private final int ruleIndex;
    private final String file;
    private final long offset;
    private final long line;
    private final long record;
    private String eventJson;
    private final RenderedEvents lent;
    private final int lentGeneration;
    private final int eventStart;
    private final int eventLength;

    /**
     * @param rule       the rule that fired
     * @param ruleIndex  the rule's position in the compiled set
     * @param file       the input the event came from, as given (or the source name of a byte range)
     * @param offset     byte offset of the record's first byte in that input
     * @param line       1-based line of the record's first byte for text inputs, 0 for binary ones
     * @param record     the EVTX EventRecordID, 0 for other formats
     * @param eventJson  the event as one line of JSON
     */
    public Match(RuleInfo rule, int ruleIndex, String file, long offset, long line, long record, String eventJson) {
        this(rule, ruleIndex, file, offset, line, record, Objects.requireNonNull(eventJson), null, 0, 0);
    }

    /** A match whose event is {@code [start, start + length)} of {@code events}, lent until they are cleared. */
    public static Match lent(RuleInfo rule, int ruleIndex, String file, long offset, long line, long record,
                             RenderedEvents events, int start, int length) {
        return new Match(rule, ruleIndex, file, offset, line, record, null, events, start, length);
    }

    private Match(RuleInfo rule, int ruleIndex, String file, long offset, long line, long record, String eventJson,
                  RenderedEvents lent, int eventStart, int eventLength) {
        this.rule = rule;
        this.ruleIndex = ruleIndex;
        this.file = file;
        this.offset = offset;
        this.line = line;
        this.record = record;
        this.eventJson = eventJson;
        this.lent = lent;
        this.lentGeneration = lent == null ? 0 : lent.generation();
        this.eventStart = eventStart;
        this.eventLength = eventLength;
    }

    /** The rule that fired. */
    public RuleInfo rule() {
        return rule;
    }

    /** The rule's position in the compiled set. */
    public int ruleIndex() {
        return ruleIndex;
    }

    /** The input the event came from, as given (or the source name of a byte range). */
    public String file() {
        return file;
    }

    /** Byte offset of the record's first byte in its input. */
    public long offset() {
        return offset;
    }

    /** 1-based line of the record's first byte for text inputs, 0 for binary ones. */
    public long line() {
        return line;
    }

    /** The EVTX EventRecordID, 0 for other formats. */
    public long record() {
        return record;
    }

    /**
     * The event as one line of JSON; decoded on the first call and kept.
     *
     * @throws IllegalStateException when the event was lent and its bytes have been reused since
     */
    public String eventJson() {
        if (eventJson == null) {
            if (lent.generation() != lentGeneration) {
                throw new IllegalStateException("the event of this match was lent to the match handler and is gone:"
                        + " read eventJson() while handling the match, or keep detached()");
            }
            eventJson = lent.text(eventStart, eventLength);
        }
        return eventJson;
    }

    /** This match with its event as text of its own, safe to keep after the handler returns. */
    public Match detached() {
        return lent == null ? this : new Match(rule, ruleIndex, file, offset, line, record, eventJson());
    }

    @Override
    public String toString() {
        return "Match[rule=" + rule.title() + ", file=" + file + ", offset=" + offset + ", line=" + line
                + ", record=" + record + "]";
    }
}
