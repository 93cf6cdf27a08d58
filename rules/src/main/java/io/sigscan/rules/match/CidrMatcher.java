package io.sigscan.rules.match;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Sigma's {@code cidr}: the value is an address of a network's family inside it. An IPv4 address
 * never falls in an IPv6 network nor the reverse (also not IPv4-mapped IPv6 addresses), as in
 * Python's {@code ipaddress}. Text that is not an address does not match.
 *
 * <p>One matcher takes one network or several {@code cidr} tests on one field, OR-ed: the address
 * is parsed once and compared with each network's masked bits. Rules that allow Microsoft's
 * address ranges list over a hundred networks, and a value inside none of them (the usual case
 * for the events that reach those filters) was parsed once per network before.
 */
public final class CidrMatcher extends ValueMatcher {
    // IPv4 networks: address & mask == bits.
    private final long[] ipv4Bits;
    private final long[] ipv4Masks;
    // IPv6 networks: each half masked.
    private final long[] ipv6High;
    private final long[] ipv6Low;
    private final long[] ipv6HighMasks;
    private final long[] ipv6LowMasks;
    private final List<CidrNetwork> networks;

    private CidrMatcher(List<CidrNetwork> networks) {
        List<CidrNetwork> ipv4 = networks.stream().filter(network -> !network.ipv6()).toList();
        List<CidrNetwork> ipv6 = networks.stream().filter(CidrNetwork::ipv6).toList();
        this.ipv4Bits = ipv4.stream().mapToLong(CidrNetwork::highBits).toArray();
        this.ipv4Masks = ipv4.stream().mapToLong(network -> CidrNetwork.ipv4Mask(network.prefix())).toArray();
        this.ipv6High = ipv6.stream().mapToLong(CidrNetwork::highBits).toArray();
        this.ipv6Low = ipv6.stream().mapToLong(CidrNetwork::lowBits).toArray();
        this.ipv6HighMasks = ipv6.stream().mapToLong(network -> CidrNetwork.mask(network.prefix(), true)).toArray();
        this.ipv6LowMasks = ipv6.stream().mapToLong(network -> CidrNetwork.mask(network.prefix(), false)).toArray();
        this.networks = networks;
    }

    /** The network text of {@code test} when it is a {@code cidr} test, which this matcher can merge; null otherwise. */
    public static String mergeableNeedle(ValueTest test) {
        return test instanceof ValueTest.Cidr cidr ? cidr.network() : null;
    }

    /** The matcher of one network. */
    static CidrMatcher of(CidrNetwork network) {
        return new CidrMatcher(List.of(network));
    }

    /** One matcher for all of {@code tests}, each a {@code cidr} test. */
    public static CidrMatcher of(List<ValueTest> tests) {
        List<CidrNetwork> networks = new ArrayList<>();
        for (ValueTest test : tests) {
            String network = mergeableNeedle(test);
            if (network == null) {
                throw new IllegalArgumentException("not a cidr test: " + test);
            }
            networks.add(CidrNetwork.parse(network));
        }
        return new CidrMatcher(networks);
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        if (ipv4Bits.length > 0) {
            final long address = IpAddressText.ipv4(buffer, offset, end);
            if (address != IpAddressText.INVALID) {
                for (int n = 0; n < ipv4Bits.length; n++) {
                    if ((address & ipv4Masks[n]) == ipv4Bits[n]) {
                        return true;
                    }
                }
                return false; // an IPv4 address is in no IPv6 network
            }
        }
        if (ipv6High.length == 0) {
            return false;
        }
        final long layout = IpAddressText.ipv6Layout(buffer, offset, end);
        if (layout == IpAddressText.INVALID) {
            return false;
        }
        final long high = IpAddressText.ipv6Half(buffer, offset, layout, true);
        final long low = IpAddressText.ipv6Half(buffer, offset, layout, false);
        for (int n = 0; n < ipv6High.length; n++) {
            if ((high & ipv6HighMasks[n]) == ipv6High[n] && (low & ipv6LowMasks[n]) == ipv6Low[n]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return networks.size() == 1 ? "cidr(" + networks.get(0) + ")" : "cidr-any(" + networks.size() + " networks)";
    }
}
