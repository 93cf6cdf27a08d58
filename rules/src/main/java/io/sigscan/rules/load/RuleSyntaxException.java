package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;

/**
 * Stops lowering one part of a rule (a field item, a search identifier) at its first error; the
 * caller turns it into a {@link io.sigscan.rules.model.Problem} and goes on with the next part.
 */
final class RuleSyntaxException extends RuntimeException {

    private final String kind;
    private final transient Location location;

    RuleSyntaxException(String kind, Location location, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.location = location;
    }

    String kind() {
        return kind;
    }

    Location location() {
        return location;
    }

    void reportTo(ProblemSink sink) {
        sink.error(location, kind, getMessage());
    }
}
