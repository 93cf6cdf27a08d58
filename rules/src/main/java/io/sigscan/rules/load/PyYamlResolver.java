package io.sigscan.rules.load;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.regex.Pattern;

/**
 * Resolves plain scalars to YAML 1.1 types with PyYAML's exact patterns rather than snakeyaml's
 * (which, for example, take {@code 1e3} for a float where PyYAML keeps a string), so that a rule
 * value means here what it means to pySigma.
 */
final class PyYamlResolver extends Resolver {

    static final Pattern BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    static final Pattern FLOAT = Pattern.compile(
            "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN))$");
    static final Pattern INT = Pattern.compile(
            "^(?:[-+]?0b[0-1_]+"
                    + "|[-+]?0[0-7_]+"
                    + "|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    static final Pattern MERGE = Pattern.compile("^(?:<<)$");
    static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    static final Pattern TIMESTAMP = Pattern.compile(
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        // "\0" is snakeyaml's key for the empty scalar, which PyYAML resolves to null.
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
        // PyYAML's "=" (tag:yaml.org,2002:value) is left out on purpose: it has no safe
        // constructor there, and a plain string "=" is what a rule writer means by it.
    }
}
