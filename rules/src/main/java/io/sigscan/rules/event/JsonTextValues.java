package io.sigscan.rules.event;

import org.agrona.DirectBuffer;

/**
 * An event view over JSON text that can hand out a string value's text as it stands in the input,
 * before its escapes are decoded, when each character in it is written the one way JSON allows
 * (escapes {@code \\ \" \b \f \n \r \t} only: no <code>&#92;u</code> or {@code \/}, no raw tab). Such text
 * holds the JSON-escaped form of every text the decoded value holds, so the pre-filter can search
 * it for escaped needles and never decode a value no rule goes on to read. (The text may also hold
 * an escaped needle the value does not, say {@code \n} in {@code \\n}: that costs an evaluation,
 * never a match.)
 */
public interface JsonTextValues extends EventView {

    /**
     * Length of the JSON text between the quotes of value {@code index} of {@code slot}, or -1 when
     * the value must be decoded to be searched (it is not a string, has been decoded already, or
     * spells a character freely).
     */
    int jsonTextLength(int slot, int index);

    /**
     * Whether that text is known to hold ASCII only, so that no character in it can fold to an
     * ASCII letter under Unicode case rules (what {@link io.sigscan.rules.match.NeedleSearch}
     * otherwise checks first); false when it may not be.
     */
    boolean jsonTextIsAscii(int slot, int index);

    /** Where that text starts in {@link #jsonTextBuffer}; only when {@link #jsonTextLength} is not -1. */
    int jsonTextOffset(int slot, int index);

    /** The buffer holding the event's JSON text. */
    DirectBuffer jsonTextBuffer();
}
