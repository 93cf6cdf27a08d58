package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * An IPv4 or IPv6 network as Sigma's {@code cidr} modifier takes it, accepted exactly as Python's
 * {@code ipaddress.ip_network} does: an address, optionally {@code /prefix} (IPv4 also
 * {@code /netmask} or {@code /hostmask}), with no bits set after the prefix.
 *
 * @param ipv6     whether it is an IPv6 network
 * @param highBits the network's first 64 bits (IPv4: the address in the low 32)
 * @param lowBits  the network's last 64 bits (IPv4: 0)
 * @param prefix   the prefix length
 */
public record CidrNetwork(boolean ipv6, long highBits, long lowBits, int prefix) {

    /**
     * Parses a network.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static CidrNetwork parse(String text) {
        int slash = text.indexOf('/');
        if (slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("'" + text + "' has more than one '/'");
        }
        String address = slash < 0 ? text : text.substring(0, slash);
        UnsafeBuffer bytes = new UnsafeBuffer(address.getBytes(StandardCharsets.UTF_8));
        long ipv4 = IpAddressText.ipv4(bytes, 0, bytes.capacity());
        if (ipv4 != IpAddressText.INVALID) {
            int prefix = slash < 0 ? 32 : ipv4Prefix(text, text.substring(slash + 1));
            requireNoHostBits(text, (ipv4 & ~ipv4Mask(prefix)) != 0);
            return new CidrNetwork(false, ipv4, 0, prefix);
        }
        long layout = IpAddressText.ipv6Layout(bytes, 0, bytes.capacity());
        if (layout == IpAddressText.INVALID || address.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
        }
        int prefix = slash < 0 ? 128 : prefixLength(text, text.substring(slash + 1), 128);
        long high = IpAddressText.ipv6Half(bytes, 0, layout, true);
        long low = IpAddressText.ipv6Half(bytes, 0, layout, false);
        requireNoHostBits(text, (high & ~mask(prefix, true)) != 0 || (low & ~mask(prefix, false)) != 0);
        return new CidrNetwork(true, high, low, prefix);
    }

    /** The bits of the high or low half that the prefix covers. */
    static long mask(int prefix, boolean high) {
        int bits = high ? Math.min(prefix, 64) : Math.max(prefix - 64, 0);
        return bits == 0 ? 0 : -1L << (64 - bits);
    }

    /** The IPv4 netmask of a prefix length, as an unsigned 32-bit value. */
    static long ipv4Mask(int prefix) {
        return (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static int ipv4Prefix(String network, String prefix) {
        if (!prefix.isEmpty() && prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return prefixLength(network, prefix, 32);
        }
        UnsafeBuffer bytes = new UnsafeBuffer(prefix.getBytes(StandardCharsets.UTF_8));
        long mask = IpAddressText.ipv4(bytes, 0, bytes.capacity());
        if (mask != IpAddressText.INVALID) {
            // A netmask (ones then zeros) or a hostmask (zeros then ones), as Python accepts both.
            int ones = Long.bitCount(mask);
            if (mask == ipv4Mask(ones)) {
                return ones;
            }
            if ((~mask & 0xFFFF_FFFFL) == ((0xFFFF_FFFFL << ones) & 0xFFFF_FFFFL)) {
                return 32 - ones;
            }
        }
        throw new IllegalArgumentException("'" + prefix + "' in '" + network
                + "' is not a prefix length (0-32), a netmask or a hostmask");
    }

    private static int prefixLength(String network, String prefix, int max) {
        int length = -1;
        if (!prefix.isEmpty() && prefix.length() <= 3 && prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            length = Integer.parseInt(prefix);
        }
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("'" + prefix + "' in '" + network + "' is not a prefix length (0-" + max + ")");
        }
        return length;
    }

    private static void requireNoHostBits(String network, boolean hostBits) {
        if (hostBits) {
            throw new IllegalArgumentException("'" + network + "' has host bits set; write the network address, "
                    + "such as 10.0.0.0/8 for 10.1.2.3/8");
        }
    }
}
