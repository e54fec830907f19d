package cn.yunxi.kepu.common.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of address ranges (CIDR blocks such as {@code 10.0.0.0/8} or {@code fc00::/7}) that tells, from an address
 * as written, whether it is inside one of them, without {@link java.net.InetAddress}: only IPv4 dotted quads and IPv6
 * literals (compressed or not, bracketed or not, with a zone, an embedded dotted quad, or IPv4-mapped, which counts as
 * its IPv4 address) are addresses, and the empty string the loopback address, as {@link java.net.InetAddress} reads
 * it; anything else (a host name, a short form like {@code 127.1}) is in no range and is never looked up.
 */
final class AddressRanges {

    private final List<byte[]> networks = new ArrayList<>();
    private final List<Integer> prefixes = new ArrayList<>();
    private final int[] v4Networks;
    private final int[] v4Masks;

    /** {@code cidrs}: comma-separated blocks (or single addresses), as Tomcat's and Boot's settings write them. */
    AddressRanges(String cidrs) {
        for (String block : cidrs.split(",")) {
            String trimmed = block.trim();
            int slash = trimmed.indexOf('/');
            byte[] network = parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (network == null || trimmed.isEmpty()) {
                throw new IllegalArgumentException("not an address block: " + trimmed);
            }
            // a single address is a block of its own
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("not an address block: " + trimmed);
            }
            networks.add(network);
            prefixes.add(prefix);
        }
        int v4Count = (int) networks.stream().filter(n -> n.length == 4).count();
        v4Networks = new int[v4Count];
        v4Masks = new int[v4Count];
        int k = 0;
        for (int i = 0; i < networks.size(); i++) {
            byte[] n = networks.get(i);
            if (n.length == 4) {
                int prefix = prefixes.get(i);
                v4Masks[k] = prefix == 0 ? 0 : -1 << (32 - prefix);
                v4Networks[k] = ((n[0] & 0xFF) << 24 | (n[1] & 0xFF) << 16 | (n[2] & 0xFF) << 8 | n[3] & 0xFF)
                        & v4Masks[k];
                k++;
            }
        }
    }

    boolean contains(String address) {
        // The common case, a dotted quad (the proxy itself, most clients), without building the address's bytes.
        int v4 = address == null || address.indexOf(':') >= 0 ? -1 : address.length();
        if (v4 > 0) {
            long packed = parseIpv4Packed(address, 0, v4);
            if (packed < 0) {
                return false;
            }
            for (int i = 0; i < v4Networks.length; i++) {
                if ((((int) packed) & v4Masks[i]) == v4Networks[i]) {
                    return true;
                }
            }
            return false;
        }
        byte[] candidate = parse(address);
        if (candidate == null) {
            return false;
        }
        for (int i = 0; i < networks.size(); i++) {
            if (within(candidate, networks.get(i), prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(byte[] candidate, byte[] network, int prefix) {
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    /** 4 bytes for IPv4 (and IPv4-mapped IPv6), 16 for IPv6, null for anything that is not such a literal. */
    static byte[] parse(String s) {
        if (s == null) {
            return null;
        }
        if (s.isEmpty()) {
            // InetAddress reads an empty name as the loopback address: an empty forwarded entry stays a proxy
            return new byte[] {127, 0, 0, 1};
        }
        if (s.indexOf(':') < 0) {
            return parseIpv4(s, 0, s.length());
        }
        int start = 0;
        int end = s.length();
        if (s.charAt(0) == '[') {
            if (s.charAt(end - 1) != ']') {
                return null;
            }
            start = 1;
            end--;
        }
        int zone = s.indexOf('%', start);
        if (zone >= 0 && zone < end) {
            if (zone == end - 1) {
                return null;
            }
            end = zone;
        }
        byte[] v6 = parseIpv6(s, start, end);
        if (v6 == null) {
            return null;
        }
        if (isIpv4Mapped(v6)) {
            return new byte[] {v6[12], v6[13], v6[14], v6[15]};
        }
        return v6;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
    }

    private static byte[] parseIpv4(String s, int start, int end) {
        long packed = parseIpv4Packed(s, start, end);
        if (packed < 0) {
            return null;
        }
        return new byte[] {(byte) (packed >> 24), (byte) (packed >> 16), (byte) (packed >> 8), (byte) packed};
    }

    /** Four decimal parts of one to three digits, each at most 255, as 32 bits; -1 for anything else. */
    private static long parseIpv4Packed(String s, int start, int end) {
        long address = 0;
        int part = 0;
        int i = start;
        while (true) {
            int value = 0;
            int digits = 0;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 4) {
                value = value * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return -1;
            }
            address = address << 8 | value;
            if (++part == 4) {
                return i == end ? address : -1;
            }
            if (i >= end || s.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    /** Groups of one to four hex digits, at most one "::", optionally a dotted quad in the last 32 bits. */
    private static byte[] parseIpv6(String s, int start, int end) {
        byte[] address = new byte[16];
        int filled = 0;
        int gap = -1;
        int i = start;
        if (i + 1 < end && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
            if (i == end) {
                return address;
            }
        } else if (i < end && s.charAt(i) == ':') {
            return null;
        }
        while (i < end) {
            int groupStart = i;
            int value = 0;
            while (i < end && i - groupStart < 5 && Character.digit(s.charAt(i), 16) >= 0) {
                value = (value << 4) | Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // the last 32 bits as a dotted quad
                byte[] v4 = parseIpv4(s, groupStart, end);
                if (v4 == null || filled > 12) {
                    return null;
                }
                System.arraycopy(v4, 0, address, filled, 4);
                filled += 4;
                i = end;
                break;
            }
            int digits = i - groupStart;
            if (digits == 0 || digits > 4 || filled > 14) {
                return null;
            }
            address[filled++] = (byte) (value >> 8);
            address[filled++] = (byte) value;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = filled;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return null; // a single trailing colon
            }
        }
        if (gap < 0) {
            return filled == 16 ? address : null;
        }
        if (filled == 16) {
            return null; // "::" must stand for at least one group
        }
        int tail = filled - gap;
        System.arraycopy(address, gap, address, 16 - tail, tail);
        for (int k = gap; k < 16 - tail; k++) {
            address[k] = 0;
        }
        return address;
    }
}
