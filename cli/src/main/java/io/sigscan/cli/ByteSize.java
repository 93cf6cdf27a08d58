package io.sigscan.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads sizes such as {@code 10GB}, {@code 500MB}, {@code 64KiB} or {@code 4096}: decimal units
 * (KB, MB, GB, TB are powers of 1000, as disk sizes are given), binary units (KiB ... TiB), or
 * bytes ({@code B}, {@code bytes} or no unit); case and a space before the unit do not matter.
 */
final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        Matcher matcher = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(value);
        }
        long unit = switch (matcher.group(2)) {
            case "", "b", "byte", "bytes" -> 1L;
            case "kb", "k" -> 1_000L;
            case "mb", "m" -> 1_000_000L;
            case "gb", "g" -> 1_000_000_000L;
            case "tb", "t" -> 1_000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw invalid(value);
        };
        double bytes = Double.parseDouble(matcher.group(1)) * unit;
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new TypeConversionException("'" + value + "' is not a size between 1 byte and 4 EB");
        }
        return (long) bytes;
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a size: expected a number and a unit such as 10GB,"
                + " 500MB, 64KiB or 4096 (bytes)");
    }
}
