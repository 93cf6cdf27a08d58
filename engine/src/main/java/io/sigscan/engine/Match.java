package io.sigscan.engine;

import io.sigscan.rules.model.RuleInfo;

/**
 * One rule hit on one event, as handed to a {@link MatchHandler}. Built only when a rule fires,
 * so it may allocate: the event is rendered as one line of compact JSON.
 *
 * @param rule       the rule that fired
 * @param ruleIndex  the rule's position in the compiled set
 * @param file       the input the event came from, as given (or the source name of a byte range)
 * @param offset     byte offset of the record's first byte in that input
 * @param line       1-based line of the record's first byte for text inputs, 0 for binary ones
 * @param record     the EVTX EventRecordID, 0 for other formats
 * @param eventJson  the event as one line of JSON
 */
public record Match(RuleInfo rule, int ruleIndex, String file, long offset, long line, long record, String eventJson) {
}
