package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/**
 * Sigma's {@code cidr}: the value is an address of the network's family inside it. An IPv4
 * address never falls in an IPv6 network nor the reverse (also not IPv4-mapped IPv6 addresses),
 * as in Python's {@code ipaddress}. Text that is not an address does not match.
 */
final class CidrMatcher extends ValueMatcher {
    private final CidrNetwork network;
    private final long highMask;
    private final long lowMask;

    CidrMatcher(CidrNetwork network) {
        this.network = network;
        this.highMask = network.ipv6() ? CidrNetwork.mask(network.prefix(), true) : CidrNetwork.ipv4Mask(network.prefix());
        this.lowMask = CidrNetwork.mask(network.prefix(), false);
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        if (!network.ipv6()) {
            final long address = IpAddressText.ipv4(buffer, offset, end);
            return address != IpAddressText.INVALID && (address & highMask) == network.highBits();
        }
        final long layout = IpAddressText.ipv6Layout(buffer, offset, end);
        if (layout == IpAddressText.INVALID) {
            return false;
        }
        if ((IpAddressText.ipv6Half(buffer, offset, layout, true) & highMask) != network.highBits()) {
            return false;
        }
        return lowMask == 0 || (IpAddressText.ipv6Half(buffer, offset, layout, false) & lowMask) == network.lowBits();
    }

    @Override
    public String toString() {
        return "cidr(" + network + ")";
    }
}
