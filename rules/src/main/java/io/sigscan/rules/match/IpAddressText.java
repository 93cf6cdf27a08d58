package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/**
 * IPv4 and IPv6 addresses in UTF-8 text, read without allocating and accepted exactly as
 * Python's {@code ipaddress.ip_address} accepts them (pySigma's reference): IPv4 as four decimal
 * octets without leading zeros; IPv6 as up to eight groups of one to four hex digits, one
 * {@code ::} standing for at least one zero group, an IPv4 address as the last 32 bits, and an
 * optional {@code %scope} suffix that does not change the address.
 *
 * <p>An IPv6 address is read in two calls ({@link #ipv6Layout} then {@link #ipv6Half} per half
 * needed) because a method cannot return its 128 bits without allocating.
 */
final class IpAddressText {
    /** Returned for text that is not an address. */
    static final long INVALID = -1;

    private IpAddressText() {
    }

    /** The IPv4 address filling {@code [from, end)} as an unsigned 32-bit value, or {@link #INVALID}. */
    static long ipv4(DirectBuffer buffer, int from, int end) {
        long address = 0;
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= end || buffer.getByte(i) != '.') {
                    return INVALID;
                }
                i++;
            }
            final int start = i;
            int value = 0;
            while (i < end && i - start < 4 && isDigit(buffer.getByte(i))) {
                value = value * 10 + buffer.getByte(i) - '0';
                i++;
            }
            final int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && buffer.getByte(start) == '0')) {
                return INVALID;
            }
            address = (address << 8) | value;
        }
        return i == end ? address : INVALID;
    }

    /**
     * Checks the IPv6 address in {@code [from, end)} (a {@code %scope} suffix allowed) and
     * returns its layout for {@link #ipv6Half}: the end of the address text in the low 32 bits
     * and, in the high bits, the number of groups written before {@code ::} plus one (0 when there
     * is no {@code ::}). Returns {@link #INVALID} for anything else.
     */
    static long ipv6Layout(DirectBuffer buffer, int from, int end) {
        int addressEnd = from;
        while (addressEnd < end && buffer.getByte(addressEnd) != '%') {
            addressEnd++;
        }
        if (addressEnd < end && !isScope(buffer, addressEnd + 1, end)) {
            return INVALID;
        }
        int groups = 0;
        int headGroups = -1;
        int i = from;
        if (i + 1 < addressEnd && buffer.getByte(i) == ':' && buffer.getByte(i + 1) == ':') {
            headGroups = 0;
            i += 2;
        }
        while (i < addressEnd) {
            final int start = i;
            while (i < addressEnd && isHex(buffer.getByte(i))) {
                i++;
            }
            if (i < addressEnd && buffer.getByte(i) == '.') {
                // An IPv4 tail: it must be the last thing and takes two groups.
                if (ipv4(buffer, start, addressEnd) == INVALID) {
                    return INVALID;
                }
                groups += 2;
                i = addressEnd;
                break;
            }
            final int digits = i - start;
            if (digits == 0 || digits > 4) {
                return INVALID;
            }
            groups++;
            if (i == addressEnd) {
                break;
            }
            // buffer[i] is ':' (anything else is not hex and not '.', so invalid)
            if (buffer.getByte(i) != ':' || i + 1 == addressEnd) {
                return INVALID;
            }
            i++;
            if (buffer.getByte(i) == ':') {
                if (headGroups >= 0) {
                    return INVALID;
                }
                headGroups = groups;
                i++;
            }
        }
        final boolean compressed = headGroups >= 0;
        if (compressed ? groups > 7 : groups != 8) {
            return INVALID;
        }
        return ((long) (compressed ? headGroups + 1 : 0) << 32) | addressEnd;
    }

    /**
     * The high ({@code high}) or low 64 bits of the IPv6 address starting at {@code from}, whose
     * {@code layout} {@link #ipv6Layout} returned.
     */
    static long ipv6Half(DirectBuffer buffer, int from, long layout, boolean high) {
        final int addressEnd = (int) layout;
        final int headGroups = (int) (layout >>> 32) - 1;
        int totalGroups = 0;
        if (headGroups >= 0) {
            totalGroups = countGroups(buffer, from, addressEnd);
        }
        long half = 0;
        int index = 0;
        int i = from;
        if (headGroups == 0) {
            index = 8 - totalGroups;
            i += 2;
        }
        while (i < addressEnd) {
            final int start = i;
            int group = 0;
            while (i < addressEnd && isHex(buffer.getByte(i))) {
                group = (group << 4) | hexValue(buffer.getByte(i));
                i++;
            }
            if (i < addressEnd && buffer.getByte(i) == '.') {
                final long ipv4 = ipv4(buffer, start, addressEnd);
                half = put(half, index++, (int) (ipv4 >>> 16), high);
                half = put(half, index, (int) (ipv4 & 0xFFFF), high);
                break;
            }
            half = put(half, index++, group, high);
            if (i == addressEnd) {
                break;
            }
            i++;
            if (buffer.getByte(i) == ':') {
                index = 8 - (totalGroups - index);
                i++;
            }
        }
        return half;
    }

    private static long put(long half, int index, int group, boolean high) {
        final int first = high ? 0 : 4;
        if (index < first || index >= first + 4) {
            return half;
        }
        return half | ((long) group << (16 * (3 - (index - first))));
    }

    /** Groups written in a valid address (an IPv4 tail counts two). */
    private static int countGroups(DirectBuffer buffer, int from, int addressEnd) {
        int groups = 0;
        boolean inGroup = false;
        for (int i = from; i < addressEnd; i++) {
            final byte b = buffer.getByte(i);
            if (b == '.') {
                return groups + 1; // the hex-looking first octet was counted; the IPv4 tail is two groups
            }
            if (b == ':') {
                inGroup = false;
            } else if (!inGroup) {
                inGroup = true;
                groups++;
            }
        }
        return groups;
    }

    /** Python accepts any scope id that is not empty and holds no further '%'. */
    private static boolean isScope(DirectBuffer buffer, int from, int end) {
        if (from == end) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (buffer.getByte(i) == '%') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isHex(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static int hexValue(byte b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
