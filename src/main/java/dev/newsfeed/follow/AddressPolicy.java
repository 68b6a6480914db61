package dev.newsfeed.follow;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which resolved addresses a follow may connect to. A page fetched on a user's say-so must not reach into the
 * network the service runs in: by default only public addresses are allowed. Loopback and private ranges can be
 * allowed for tests and closed networks; link-local, multicast, unspecified, reserved and cloud-metadata
 * addresses never are (nothing legitimate serves a live blog there, and metadata endpoints hand out credentials).
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
public final class AddressPolicy {

    /** What an address is, as far as fetching goes. */
    public enum Kind {
        PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, METADATA, MULTICAST, UNSPECIFIED, RESERVED;

        String describe() {
            return switch (this) {
                case PUBLIC -> "a public address";
                case LOOPBACK -> "a loopback address";
                case PRIVATE -> "a private address";
                case LINK_LOCAL -> "a link-local address";
                case METADATA -> "a cloud metadata address";
                case MULTICAST -> "a multicast address";
                case UNSPECIFIED -> "an unspecified address";
                case RESERVED -> "a reserved address";
            };
        }
    }

    private static final byte[] AWS_METADATA_V6 = address("fd00:ec2::254");

    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Null when the address may be fetched from, else why not, as a follow's error shows it. */
    public String refusal(InetAddress address) {
        Kind kind = classify(address);
        boolean allowed = kind == Kind.PUBLIC || allowPrivate && (kind == Kind.LOOPBACK || kind == Kind.PRIVATE);
        if (allowed) {
            return null;
        }
        String hint = kind == Kind.LOOPBACK || kind == Kind.PRIVATE
                ? " (NEWSFEED_FOLLOW_ALLOW_PRIVATE=true allows it on closed networks)" : "";
        return "address " + address.getHostAddress() + " is " + kind.describe() + hint;
    }

    public static Kind classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classify4(b);
        }
        if (address instanceof Inet6Address) {
            byte[] v4 = embeddedIpv4(b);
            return v4 != null ? classify4(v4) : classify6(b);
        }
        return Kind.RESERVED;
    }

    private static Kind classify4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        int a3 = b[3] & 0xFF;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254 || a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200) {
            return Kind.METADATA; // every major cloud's instance metadata; Alibaba's sits in the shared range
        }
        if (a0 == 0) {
            return Kind.UNSPECIFIED; // "this network"; 0.0.0.0 reaches the local host on Linux
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xF0) == 16 || a0 == 192 && a1 == 168
                || a0 == 100 && (a1 & 0xC0) == 64 // shared address space (carrier-grade NAT)
                || a0 == 198 && (a1 & 0xFE) == 18 // benchmarking
                || a0 == 192 && a1 == 0 && a2 == 0) { // protocol assignments
            return Kind.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if ((a0 & 0xF0) == 224) {
            return Kind.MULTICAST;
        }
        if ((a0 & 0xF0) == 240 // reserved, and the broadcast address
                || a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) { // documentation
            return Kind.RESERVED;
        }
        return Kind.PUBLIC;
    }

    private static Kind classify6(byte[] b) {
        if (Arrays.equals(b, AWS_METADATA_V6)) {
            return Kind.METADATA;
        }
        if (isZero(b, 0, 16)) {
            return Kind.UNSPECIFIED;
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return Kind.LOOPBACK;
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (b0 == 0xFF) {
            return Kind.MULTICAST;
        }
        if (b0 == 0xFE && (b1 & 0xC0) == 0x80) {
            return Kind.LINK_LOCAL;
        }
        if ((b0 & 0xFE) == 0xFC || b0 == 0xFE && (b1 & 0xC0) == 0xC0) {
            return Kind.PRIVATE; // unique local, and the deprecated site-local
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
            return Kind.RESERVED; // documentation
        }
        if ((b0 & 0xE0) != 0x20) {
            return Kind.RESERVED; // only 2000::/3 is allocated for global unicast
        }
        return Kind.PUBLIC;
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), or null. */
    static byte[] embeddedIpv4(byte[] b) {
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = isZero(b, 0, 12) && !isZero(b, 12, 15); // not :: nor ::1
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
                && (b[3] & 0xFF) == 0x9B && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
