package dev.newsfeed.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "93.184.215.14, PUBLIC",
            "8.8.8.8, PUBLIC",
            "2606:4700::6810:84e5, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.0.9, LOOPBACK",
            "::1, LOOPBACK",
            "10.1.2.3, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.1, PUBLIC",
            "192.168.1.1, PRIVATE",
            "100.64.0.1, PRIVATE",
            "198.18.0.1, PRIVATE",
            "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "169.254.169.254, METADATA",
            "fd00:ec2::254, METADATA",
            "100.100.100.200, METADATA",
            "169.254.1.1, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "ff02::1, MULTICAST",
            "0.0.0.0, UNSPECIFIED",
            "::, UNSPECIFIED",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "192.0.2.1, RESERVED",
            "2001:db8::1, RESERVED",
            // IPv6 forms that carry an IPv4 address are judged by it.
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:169.254.169.254, METADATA",
            "::ffff:8.8.8.8, PUBLIC",
            "64:ff9b::a00:1, PRIVATE",
            "2002:a9fe:a9fe::1, METADATA",
            "::10.0.0.1, PRIVATE",
    })
    void classifiesAddresses(String literal, AddressPolicy.Kind kind) throws UnknownHostException {
        assertEquals(kind, AddressPolicy.classify(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "::1", "10.0.0.1", "192.168.0.10", "fd12::1"})
    void privateAndLoopbackAreRefusedByDefaultAndAllowedWhenAsked(String literal) throws UnknownHostException {
        InetAddress a = InetAddress.getByName(literal);
        String refusal = new AddressPolicy(false).refusal(a);
        assertNotNull(refusal);
        assertTrue(refusal.contains("NEWSFEED_FOLLOW_ALLOW_PRIVATE"), refusal);
        assertNull(new AddressPolicy(true).refusal(a));
    }

    @ParameterizedTest
    @CsvSource({"169.254.169.254", "fd00:ec2::254", "169.254.10.10", "fe80::1", "224.0.0.1", "0.0.0.0", "::",
            "::ffff:169.254.169.254"})
    void metadataLinkLocalMulticastAndUnspecifiedAreRefusedEvenWhenPrivateIsAllowed(String literal)
            throws UnknownHostException {
        String refusal = new AddressPolicy(true).refusal(InetAddress.getByName(literal));
        assertNotNull(refusal, literal);
        assertTrue(!refusal.contains("ALLOW_PRIVATE"), refusal);
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "2606:4700::6810:84e5"})
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertNull(new AddressPolicy(false).refusal(InetAddress.getByName(literal)));
    }
}
