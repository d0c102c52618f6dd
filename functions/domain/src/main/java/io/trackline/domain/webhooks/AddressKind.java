package io.trackline.domain.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * What an IP address is, for the SSRF policy ({@link DestinationPolicy}): only {@link #PUBLIC} addresses are ever
 * delivered to. IPv6 addresses that carry an IPv4 address (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible
 * {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address they carry.
 */
public enum AddressKind {
    PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, MULTICAST, UNSPECIFIED,
    /** Shared (100.64/10), documentation, benchmarking, IETF-reserved and Teredo ranges: no one's public server. */
    RESERVED;

    public static AddressKind of(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ofV4(b) : ofV6(b);
    }

    private static AddressKind ofV4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff;
        if (a0 == 0) return UNSPECIFIED;
        if (a0 == 127) return LOOPBACK;
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) return PRIVATE;
        if (a0 == 169 && a1 == 254) return LINK_LOCAL;
        if (a0 >= 224 && a0 <= 239) return MULTICAST;
        if (a0 >= 240) return RESERVED;
        if (a0 == 100 && (a1 & 0xc0) == 64) return RESERVED;
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) return RESERVED;
        if (a0 == 198 && (a1 == 18 || a1 == 19)) return RESERVED;
        if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) return RESERVED;
        return PUBLIC;
    }

    private static AddressKind ofV6(byte[] b) {
        if (allZero(b, 0, 10)) {
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return ofV4(Arrays.copyOfRange(b, 12, 16));
            if (b[10] == 0 && b[11] == 0) {
                if (allZero(b, 12, 15)) return b[15] == 0 ? UNSPECIFIED : b[15] == 1 ? LOOPBACK : RESERVED;
                return ofV4(Arrays.copyOfRange(b, 12, 16));
            }
        }
        int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return ofV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b0 == 0x20 && b1 == 0x02) return ofV4(Arrays.copyOfRange(b, 2, 6));
        if (b0 == 0xff) return MULTICAST;
        if ((b0 & 0xfe) == 0xfc) return PRIVATE;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) return LINK_LOCAL;
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) return PRIVATE;
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return RESERVED;
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) return RESERVED;
        if ((b0 & 0xe0) != 0x20) return RESERVED;
        return PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
