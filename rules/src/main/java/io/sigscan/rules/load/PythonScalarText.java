package io.sigscan.rules.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Turns YAML 1.1 int, float and bool scalars into the text Python's {@code str()} gives for the
 * value PyYAML constructs, because that text is what pySigma compares against events:
 * {@code 0x10} becomes {@code "16"}, {@code 010} (YAML 1.1 octal) {@code "8"}, {@code 1_000}
 * {@code "1000"}, {@code 1:30} (sexagesimal) {@code "90"}, {@code 1.50} {@code "1.5"},
 * {@code yes} {@code "true"}. Booleans use lower case ({@code "true"}, not Python's
 * {@code "True"}) since values compare case-insensitively and rule authors write them so.
 */
final class PythonScalarText {

    private PythonScalarText() {
    }

    /** PyYAML's construct_yaml_int then str(); null when the text is not a valid int. */
    static String ofInt(String text) {
        String value = text.replace("_", "");
        if (value.isEmpty()) {
            return null;
        }
        boolean negative = value.charAt(0) == '-';
        if (value.charAt(0) == '-' || value.charAt(0) == '+') {
            value = value.substring(1);
        }
        try {
            BigInteger number;
            if (value.equals("0")) {
                number = BigInteger.ZERO;
            } else if (value.startsWith("0b")) {
                number = new BigInteger(value.substring(2), 2);
            } else if (value.startsWith("0x")) {
                number = new BigInteger(value.substring(2), 16);
            } else if (value.startsWith("0")) {
                number = new BigInteger(value, 8);
            } else if (value.indexOf(':') >= 0) {
                number = BigInteger.ZERO;
                for (String digit : value.split(":", -1)) {
                    number = number.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
                }
            } else {
                number = new BigInteger(value);
            }
            return (negative ? number.negate() : number).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** PyYAML's construct_yaml_float then Python's repr-style str(); null when not a float. */
    static String ofFloat(String text) {
        String value = text.replace("_", "").toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        boolean negative = value.charAt(0) == '-';
        if (value.charAt(0) == '-' || value.charAt(0) == '+') {
            value = value.substring(1);
        }
        if (value.equals(".inf")) {
            return negative ? "-inf" : "inf";
        }
        if (value.equals(".nan")) {
            return "nan";
        }
        try {
            double number;
            if (value.indexOf(':') >= 0) {
                number = 0;
                for (String digit : value.split(":", -1)) {
                    number = number * 60 + Double.parseDouble(digit);
                }
            } else {
                number = Double.parseDouble(value);
            }
            return pythonRepr(negative ? -number : number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text "true" or "false" for a YAML 1.1 bool (yes/no/on/off included); null otherwise. */
    static String ofBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> "true";
            case "no", "false", "off" -> "false";
            default -> null;
        };
    }

    /** Python's float repr: plain notation for exponents -4..15, else {@code d.ddde+XX}. */
    static String pythonRepr(double number) {
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(number)) {
            return "nan";
        }
        String sign = (number < 0 || (number == 0 && 1 / number < 0)) ? "-" : "";
        double magnitude = Math.abs(number);
        if (magnitude == 0) {
            return sign + "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String digits = decimal.unscaledValue().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int absExponent = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (absExponent < 10 ? "0" : "") + absExponent;
    }
}
