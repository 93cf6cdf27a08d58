package io.sigscan.rules.match;

import java.math.BigDecimal;

import org.agrona.DirectBuffer;

/**
 * Exact comparison of a decimal number written in UTF-8 text ({@code 42}, {@code -0.5},
 * {@code +1.25e3}, {@code .5}) with a fixed number, digit by digit, so integers of any length
 * and decimals compare exactly, without parsing to {@code double} or allocating. Leading and
 * trailing spaces, hex, {@code NaN} and {@code inf} are not numbers.
 */
final class DecimalText {
    /** Returned by {@link #compare} for text that is not a number. */
    static final int NOT_A_NUMBER = Integer.MIN_VALUE;

    /** Exponents beyond this are clamped: the order of such numbers is decided by the exponent alone. */
    private static final long EXPONENT_LIMIT = 1_000_000_000L;

    private final int sign;
    private final byte[] digits;
    private final long exponent;

    /**
     * The number {@code 0.d1d2...dn × 10^exponent}: {@code digits} without leading or trailing
     * zeros, {@code sign} -1, 0 or 1.
     */
    DecimalText(BigDecimal number) {
        this.sign = number.signum();
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        String text = stripped.unscaledValue().abs().toString();
        this.digits = new byte[sign == 0 ? 0 : text.length()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (byte) (text.charAt(i) - '0');
        }
        this.exponent = sign == 0 ? 0 : (long) text.length() - stripped.scale();
    }

    /** -1, 0 or 1 as the number in the text is below, equal to or above this one; {@link #NOT_A_NUMBER}. */
    int compare(DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        int i = offset;
        boolean negative = false;
        if (i < end && (buffer.getByte(i) == '-' || buffer.getByte(i) == '+')) {
            negative = buffer.getByte(i) == '-';
            i++;
        }
        final int integerStart = i;
        while (i < end && isDigit(buffer.getByte(i))) {
            i++;
        }
        final int integerEnd = i;
        int fractionStart = i;
        int fractionEnd = i;
        if (i < end && buffer.getByte(i) == '.') {
            fractionStart = ++i;
            while (i < end && isDigit(buffer.getByte(i))) {
                i++;
            }
            fractionEnd = i;
        }
        if (integerEnd == integerStart && fractionEnd == fractionStart) {
            return NOT_A_NUMBER;
        }
        long written = 0;
        if (i < end && (buffer.getByte(i) == 'e' || buffer.getByte(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (buffer.getByte(i) == '-' || buffer.getByte(i) == '+')) {
                negativeExponent = buffer.getByte(i) == '-';
                i++;
            }
            final int exponentStart = i;
            while (i < end && isDigit(buffer.getByte(i))) {
                written = Math.min(EXPONENT_LIMIT, written * 10 + buffer.getByte(i) - '0');
                i++;
            }
            if (i == exponentStart) {
                return NOT_A_NUMBER;
            }
            written = negativeExponent ? -written : written;
        }
        if (i != end) {
            return NOT_A_NUMBER;
        }
        // The first significant digit fixes the value's exponent in the 0.d1d2... form.
        int first = integerStart;
        while (first < integerEnd && buffer.getByte(first) == '0') {
            first++;
        }
        long valueExponent;
        if (first < integerEnd) {
            valueExponent = integerEnd - first;
        } else {
            first = fractionStart;
            while (first < fractionEnd && buffer.getByte(first) == '0') {
                first++;
            }
            if (first == fractionEnd) {
                return Integer.compare(0, sign);
            }
            valueExponent = -(first - fractionStart);
        }
        if (sign == 0) {
            return negative ? -1 : 1;
        }
        final int valueSign = negative ? -1 : 1;
        if (valueSign != sign) {
            return valueSign;
        }
        int magnitude = compareMagnitude(buffer, first, integerEnd, fractionStart, fractionEnd, valueExponent + written);
        return negative ? -magnitude : magnitude;
    }

    private int compareMagnitude(DirectBuffer buffer, int first, int integerEnd, int fractionStart, int fractionEnd,
                                 long valueExponent) {
        if (valueExponent != exponent) {
            return valueExponent < exponent ? -1 : 1;
        }
        final byte[] digits = this.digits;
        int d = 0;
        int i = first;
        while (true) {
            if (i == integerEnd) {
                i = fractionStart;
            }
            if (i >= fractionEnd && i >= integerEnd) {
                // The value's digits ran out: equal if this number's did too (it has no trailing zeros).
                return d == digits.length ? 0 : -1;
            }
            final int digit = buffer.getByte(i) - '0';
            if (d == digits.length) {
                return digit != 0 ? 1 : remainingNonZero(buffer, i + 1, integerEnd, fractionStart, fractionEnd);
            }
            if (digit != digits[d]) {
                return digit < digits[d] ? -1 : 1;
            }
            d++;
            i++;
        }
    }

    private static int remainingNonZero(DirectBuffer buffer, int from, int integerEnd, int fractionStart, int fractionEnd) {
        for (int i = from; i < integerEnd; i++) {
            if (buffer.getByte(i) != '0') {
                return 1;
            }
        }
        for (int i = Math.max(from, fractionStart); i < fractionEnd; i++) {
            if (buffer.getByte(i) != '0') {
                return 1;
            }
        }
        return 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
