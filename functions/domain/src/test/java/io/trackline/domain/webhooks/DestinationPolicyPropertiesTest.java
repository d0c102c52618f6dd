package io.trackline.domain.webhooks;

import io.trackline.domain.InvalidValueException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF policy over whole address classes: whatever a name resolves to, only public addresses are sent to. */
class DestinationPolicyPropertiesTest {
    private static final DestinationPolicy AWS = new DestinationPolicy(false, DestinationPolicyPropertiesTest::literal);
    private static final DestinationPolicy LOCAL = new DestinationPolicy(true, DestinationPolicyPropertiesTest::literal);

    private static List<InetAddress> literal(String host) throws UnknownHostException {
        return List.of(InetAddress.getByName(host));
    }

    private static DestinationPolicy resolvingTo(boolean loopbackAllowed, InetAddress... addresses) {
        return new DestinationPolicy(loopbackAllowed, host -> List.of(addresses));
    }

    @Provide
    Arbitrary<InetAddress> refusedV4() {
        return Arbitraries.oneOf(
                v4(0, 0, 255), v4(10, 10, 255), v4(127, 127, 255), v4(169, 169, 254, 254), v4(172, 172, 16, 31),
                v4(192, 192, 168, 168), v4(100, 100, 64, 127), v4(224, 239, 0, 255), v4(240, 255, 0, 255));
    }

    @Provide
    Arbitrary<InetAddress> publicV4() {
        return Arbitraries.integers().between(1, 223)
                .filter(a -> a != 10 && a != 127 && a != 100 && a != 169 && a != 172 && a != 192 && a != 198 && a != 203)
                .flatMap(a -> Arbitraries.bytes().list().ofSize(3).map(rest -> address(new byte[]{(byte) (int) a,
                        rest.get(0), rest.get(1), rest.get(2)})));
    }

    @Provide
    Arbitrary<InetAddress> refusedV6() {
        return Arbitraries.oneOf(
                v6Prefix(0xfc, 0xfe), v6Prefix(0xfd, 0xff), // fc00::/7
                v6Prefix(0xfe, 0x80, 0xbf), // fe80::/10
                v6Prefix(0xff, 0x00, 0xff), // ff00::/8
                mapped(refusedV4()), compatibleNat64(refusedV4()));
    }

    @Property
    void shouldRefuseEveryNonPublicIpv4_whenANameResolvesToIt(@ForAll("refusedV4") InetAddress address) {
        assertThatThrownBy(() -> resolvingTo(false, address).addresses(URI.create("https://hooks.example.com/in")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Property
    void shouldRefuseEveryNonPublicIpv6_whenANameResolvesToIt(@ForAll("refusedV6") InetAddress address) {
        assertThat(AddressKind.of(address)).isNotEqualTo(AddressKind.PUBLIC);
        assertThatThrownBy(() -> resolvingTo(true, address).addresses(URI.create("https://hooks.example.com/in")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Property
    void shouldAcceptPublicAddresses_whenTheUrlIsHttps(@ForAll("publicV4") InetAddress address) {
        assertThat(resolvingTo(false, address).addresses(URI.create("https://hooks.example.com/in"))).containsExactly(address);
    }

    @Property
    void shouldRefuse_whenAnyOfTheAnswersIsNotPublic(@ForAll("publicV4") InetAddress good, @ForAll("refusedV4") InetAddress bad) {
        assertThatThrownBy(() -> resolvingTo(false, good, bad).addresses(URI.create("https://hooks.example.com/in")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Example
    void shouldRefuseTheMetadataAddressEverywhere_whenLoopbackIsAllowedLocally() throws Exception {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/",
                "https://[fe80::1]/", "https://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/")) {
            assertThatThrownBy(() -> LOCAL.check(url)).as(url).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> AWS.check(url)).as(url).isInstanceOf(InvalidValueException.class);
        }
    }

    @Example
    void shouldAcceptHttpLoopbackOnlyLocally_whenTheHostIs127001() {
        assertThatCode(() -> LOCAL.check("http://127.0.0.1:8123/hooks")).doesNotThrowAnyException();
        assertThatThrownBy(() -> AWS.check("http://127.0.0.1:8123/hooks")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AWS.check("https://127.0.0.1/hooks")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> LOCAL.check("http://10.0.0.7/hooks")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> resolvingTo(true, address(new byte[]{127, 0, 0, 1})).check("http://localhost.example.com/"))
                .as("a name that resolves to loopback is not the local receiver").isInstanceOf(InvalidValueException.class);
    }

    @Example
    void shouldRefuse_whenTheUrlIsNotAnHttpsUrlWithAHost() {
        for (String url : List.of("", "ftp://example.com/", "file:///etc/passwd", "https:///nohost", "https://user:pw@example.com/",
                "HTTP://127.0.0.1/", "https://example.com/#fragment", "gopher://127.0.0.1:25/", "https://" + "a".repeat(2050))) {
            assertThatThrownBy(() -> AWS.check(url)).as(url).isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("url"));
        }
    }

    @Example
    void shouldJudgeEmbeddedIpv4_whenAnIpv6AddressCarriesOne() throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName("::ffff:10.1.2.3"))).isEqualTo(AddressKind.PRIVATE);
        assertThat(AddressKind.of(InetAddress.getByName("64:ff9b::a9fe:a9fe"))).isEqualTo(AddressKind.LINK_LOCAL);
        assertThat(AddressKind.of(InetAddress.getByName("2002:7f00:1::"))).isEqualTo(AddressKind.LOOPBACK);
        assertThat(AddressKind.of(InetAddress.getByName("::1"))).isEqualTo(AddressKind.LOOPBACK);
        assertThat(AddressKind.of(InetAddress.getByName("::"))).isEqualTo(AddressKind.UNSPECIFIED);
        assertThat(AddressKind.of(InetAddress.getByName("2606:4700::6810:84e5"))).isEqualTo(AddressKind.PUBLIC);
        assertThat(AddressKind.of(InetAddress.getByName("93.184.215.14"))).isEqualTo(AddressKind.PUBLIC);
    }

    private static Arbitrary<InetAddress> v4(int firstLow, int firstHigh, int secondLow, int secondHigh) {
        return Arbitraries.integers().between(firstLow, firstHigh).flatMap(a -> Arbitraries.integers().between(secondLow, secondHigh)
                .flatMap(b -> Arbitraries.bytes().list().ofSize(2).map(rest -> address(new byte[]{(byte) (int) a, (byte) (int) b,
                        rest.get(0), rest.get(1)}))));
    }

    private static Arbitrary<InetAddress> v4(int firstLow, int firstHigh, int secondHigh) {
        return v4(firstLow, firstHigh, 0, secondHigh);
    }

    private static Arbitrary<InetAddress> v6Prefix(int first, int secondLow, int secondHigh) {
        return Arbitraries.integers().between(secondLow, secondHigh).flatMap(second -> Arbitraries.bytes().list().ofSize(14)
                .map(rest -> {
                    byte[] b = new byte[16];
                    b[0] = (byte) first;
                    b[1] = (byte) (int) second;
                    for (int i = 0; i < 14; i++) b[i + 2] = rest.get(i);
                    return address(b);
                }));
    }

    private static Arbitrary<InetAddress> v6Prefix(int first, int second) {
        return v6Prefix(first, second, second);
    }

    /** {@code ::ffff:a.b.c.d} as raw bytes (the JDK turns a parsed one into IPv4 itself; a resolver may not). */
    private static Arbitrary<InetAddress> mapped(Arbitrary<InetAddress> v4) {
        return v4.map(a -> {
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(a.getAddress(), 0, b, 12, 4);
            return v6(b);
        });
    }

    private static Arbitrary<InetAddress> compatibleNat64(Arbitrary<InetAddress> v4) {
        return v4.map(a -> {
            byte[] b = new byte[16];
            b[1] = 0x64;
            b[2] = (byte) 0xff;
            b[3] = (byte) 0x9b;
            System.arraycopy(a.getAddress(), 0, b, 12, 4);
            return v6(b);
        });
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress v6(byte[] bytes) {
        try {
            return java.net.Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
