package io.sigscan.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.rules.compile.CompiledRule;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.EventPredicate;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.RuleInfo;

/** Hand-built rules and helpers to read event views in tests (which may allocate freely). */
public final class Fixtures {

    private Fixtures() {
    }

    /** Sigma rules from YAML text, compiled with the built-in log-source mapping; loading must be clean. */
    public static CompiledRuleSet sigmaRules(String yaml) {
        io.sigscan.rules.load.LoadResult loaded = io.sigscan.rules.load.RuleLoader.defaults().load("rules.yml", yaml);
        if (!loaded.problems().isEmpty()) {
            throw new AssertionError("rules did not load cleanly: " + loaded.problems());
        }
        return io.sigscan.rules.compile.RuleSetCompiler.compile(loaded.rules(),
                io.sigscan.rules.logsource.LogsourceMapping.builtIn()).ruleSet();
    }

    /** The titles of the rules matching each record of {@code bytes}, one string per match. */
    public static List<String> matchedTitles(CompiledRuleSet rules, ScanOptions options, String name, byte[] bytes) {
        Recorder out = new Recorder();
        new Scanner(rules, options).scan(name, new UnsafeBuffer(bytes), 0, bytes.length, out, out);
        if (!out.problems.isEmpty()) {
            throw new AssertionError("input problems: " + out.problems);
        }
        List<String> titles = new ArrayList<>();
        for (Match match : out.matches) {
            titles.add(match.rule().title() + " @" + match.offset());
        }
        return titles;
    }

    public static RuleInfo info(String title) {
        return new RuleInfo(null, null, title, "high", null, "tests", List.of(), Location.unknown("test"));
    }

    /** A rule set whose rules are numbered in the order given. */
    public static CompiledRuleSet ruleSet(io.sigscan.rules.event.FieldTable fields, NamedPredicate... rules) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (NamedPredicate rule : rules) {
            compiled.add(new CompiledRule(compiled.size(), info(rule.title()), rule.predicate()));
        }
        return new CompiledRuleSet(fields, compiled);
    }

    public record NamedPredicate(String title, EventPredicate predicate) {
    }

    public static NamedPredicate rule(String title, EventPredicate predicate) {
        return new NamedPredicate(title, predicate);
    }

    /** True when any scalar value of the slot contains {@code needle}, ignoring ASCII case. */
    public static EventPredicate contains(int slot, String needle) {
        String lower = needle.toLowerCase(Locale.ROOT);
        return event -> {
            for (int i = 0; i < event.valueCount(slot); i++) {
                if (ValueKind.isScalar(event.valueKind(slot, i))
                        && text(event, slot, i).toLowerCase(Locale.ROOT).contains(lower)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The decoded text of one value. */
    public static String text(EventView event, int slot, int index) {
        DirectBuffer buffer = event.valueBuffer(slot, index);
        byte[] bytes = new byte[event.valueLength(slot, index)];
        buffer.getBytes(event.valueOffset(slot, index), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every value of a slot as {@code kind:text}, e.g. {@code STRING:cmd.exe}, {@code NULL:}. */
    public static List<String> values(EventView event, int slot) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < event.valueCount(slot); i++) {
            values.add(kindName(event.valueKind(slot, i)) + ":" + text(event, slot, i));
        }
        return values;
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case ValueKind.STRING -> "STRING";
            case ValueKind.NUMBER -> "NUMBER";
            case ValueKind.BOOLEAN -> "BOOLEAN";
            case ValueKind.NULL -> "NULL";
            case ValueKind.STRUCTURE -> "STRUCTURE";
            default -> "?" + kind;
        };
    }

    public static UnsafeBuffer utf8(String text) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
