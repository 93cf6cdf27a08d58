package io.sigscan.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code hunt --config FILE}: a YAML map of long option names (without dashes) to values, e.g.
 * {@code min-level: high}, {@code rules: [/opt/sigma/rules]}, {@code quiet: true}, plus
 * {@code inputs:} for the INPUT paths. The file becomes command-line arguments placed before the
 * real ones; an option given on the command line replaces the file's value entirely (lists
 * included). Loaded with snakeyaml's safe constructor (plain maps, lists and scalars, never objects
 * from tags) and the same kind of limits the rule loader sets.
 */
final class ConfigFile {
    static final String OPTION = "--config";
    static final String INPUTS = "inputs";

    private ConfigFile() {
    }

    /** The arguments of {@code hunt}'s parse with {@code --config FILE} replaced by the file's options. */
    static String[] expand(ParseResult hunt) {
        CommandLine command = hunt.commandSpec().commandLine();
        Path file = hunt.matchedOptionValue(OPTION, null);
        List<String> original = hunt.originalArgs();
        int commandAt = original.indexOf(hunt.commandSpec().name());
        List<String> args = new ArrayList<>(original.subList(0, commandAt + 1));
        args.addAll(fromFile(command, file, hunt));
        for (int i = commandAt + 1; i < original.size(); i++) {
            String arg = original.get(i);
            if (arg.equals(OPTION)) {
                i++;
            } else if (!arg.startsWith(OPTION + "=")) {
                args.add(arg);
            }
        }
        return args.toArray(String[]::new);
    }

    private static List<String> fromFile(CommandLine command, Path file, ParseResult hunt) {
        Map<?, ?> options = load(command, file);
        List<String> args = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (Map.Entry<?, ?> entry : options.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (key.equals(INPUTS)) {
                if (hunt.matchedPositionals().isEmpty()) {
                    inputs.addAll(values(command, file, key, value));
                }
                continue;
            }
            OptionSpec option = key.startsWith("-") || key.equals(OPTION.substring(2)) ? null
                    : hunt.commandSpec().findOption("--" + key);
            if (option == null || !option.longestName().equals("--" + key)) {
                throw new ParameterException(command, OPTION + " " + file + ": unknown option '" + key
                        + "'; use the long option names of hunt without dashes, and 'inputs' for the INPUT paths");
            }
            if (hunt.hasMatchedOption(option)) {
                continue;
            }
            if (option.arity().max() == 0) {
                if (!(value instanceof Boolean flag)) {
                    throw new ParameterException(command, OPTION + " " + file + ": '" + key
                            + "' is a switch; give it true or false, not '" + value + "'");
                }
                if (flag) {
                    args.add(option.longestName());
                }
                continue;
            }
            for (String text : values(command, file, key, value)) {
                args.add(option.longestName() + "=" + text);
            }
        }
        if (!inputs.isEmpty()) {
            args.add("--");
            args.addAll(inputs);
        }
        return args;
    }

    /** A scalar as one value, a list of scalars as several; nested structures are refused. */
    private static List<String> values(CommandLine command, Path file, String key, Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw new ParameterException(command, OPTION + " " + file + ": '" + key
                        + "' must be a value or a list of values");
            }
            texts.add(String.valueOf(item));
        }
        return texts;
    }

    private static Map<?, ?> load(CommandLine command, Path file) {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);
        limits.setAllowRecursiveKeys(false);
        limits.setNestingDepthLimit(10);
        limits.setCodePointLimit(1024 * 1024);
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(limits)).load(reader);
        } catch (IOException e) {
            throw new ParameterException(command, OPTION + ": cannot read " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new ParameterException(command, OPTION + " " + file + ": not valid YAML: "
                    + e.getMessage().replace('\n', ' '));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ParameterException(command, OPTION + " " + file
                    + ": expected a map of option names to values, such as 'min-level: high'");
        }
        return map;
    }
}
