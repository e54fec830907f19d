package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.catalina.AccessLog;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

/**
 * {@link ForwardedHeadersValve} leaves every request exactly as Tomcat's RemoteIpValve (configured as Boot configures
 * it) does, while the request runs and after it, for peers and forwarded entries that are address literals; and
 * {@link AddressRanges} places literals in the ranges as Tomcat's NetMaskSet does, without ever resolving a name.
 */
class ForwardedHeadersValveTest {

    /** Boot's default internal proxies. */
    private static final String INTERNAL = "192.168.0.0/16, 172.16.0.0/12, 169.254.0.0/16, fc00::/7, 10.0.0.0/8, "
            + "100.64.0.0/10, 127.0.0.0/8, fe80::/10, ::1/128";

    private static final String[] ADDRESSES = {"127.0.0.1", "127.255.1.2", "10.0.0.1", "10.255.255.255", "9.255.255.255",
            "11.0.0.0", "172.16.0.1", "172.31.255.255", "172.15.255.255", "172.32.0.0", "192.168.1.1", "192.169.0.1",
            "169.254.3.4", "169.253.3.4", "100.64.0.1", "100.127.255.255", "100.63.255.255", "100.128.0.0",
            "203.0.113.7", "8.8.8.8", "0.0.0.0", "255.255.255.255", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::2",
            "fe80::1", "fe80::1%1", "febf:ffff::1", "fec0::1", "fc00::1", "fdff:1::2", "fe00::1", "fbff::1",
            "2001:db8::1", "2001:DB8::A", "::ffff:10.1.2.3", "::ffff:203.0.113.9", "::ffff:7f00:1", "::10.1.2.3",
            "1:2:3:4:5:6:7:8", "010.1.2.3"};

    private static RemoteIpValve bootConfigured() {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(INTERNAL);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setProtocolHeaderHttpsValue("https");
        return valve;
    }

    @Test
    void placesAddressLiteralsInTheRangesAsTomcatDoes() throws Exception {
        AddressRanges ours = new AddressRanges(INTERNAL);
        NetMaskSet tomcats = NetMaskSet.parse(INTERNAL);
        List<String> literals = new ArrayList<>(List.of(ADDRESSES));
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            // often near the ranges' edges
            switch (random.nextInt(6)) {
                case 0 -> bytes[0] = (byte) (bytes.length == 4 ? 10 : 0xFE);
                case 1 -> { bytes[0] = (byte) (bytes.length == 4 ? 172 : 0xFC); }
                case 2 -> { bytes[0] = (byte) (bytes.length == 4 ? 100 : 0xFD); }
                case 3 -> { bytes[0] = (byte) (bytes.length == 4 ? 127 : 0); bytes[1] = 0; }
                default -> { }
            }
            InetAddress address = InetAddress.getByAddress(bytes);
            literals.add(address.getHostAddress());
            literals.add(address.getHostAddress().toUpperCase());
            if (bytes.length == 16) {
                literals.add(compressed(bytes));
                literals.add("[" + compressed(bytes) + "]");
            }
        }
        for (String literal : literals) {
            assertThat(ours.contains(literal)).as(literal).isEqualTo(tomcats.contains(literal));
        }
    }

    /** What InetAddress would send to DNS (names, short or malformed forms) is in no range and never looked up. */
    @Test
    void namesAndMalformedAddressesAreNoProxiesAndAreNotLookedUp() {
        AddressRanges ours = new AddressRanges(INTERNAL);
        for (String notALiteral : List.of("localhost", "unknown", "127.1", "2130706433", "0x7f.0.0.1", "1.2.3.4.5",
                "10.0.0.256", "10.0.0.", ".10.0.0.1", "10..0.1", "1:2:3:4:5:6:7:8:9", "fe80:::1", "::1::", ":::1",
                "fe80::1%", "[::1", "fc00::1 ", "nginx.internal", "fe80::g")) {
            assertThat(ours.contains(notALiteral)).as(notALiteral).isFalse();
            assertThat(AddressRanges.parse(notALiteral)).as(notALiteral).isNull();
        }
        // an empty entry is what InetAddress reads as the loopback address, as Tomcat treated it
        assertThat(ours.contains("")).isTrue();
    }

    @Test
    void changesAndRestoresRequestsAsTomcatsValveDoes() throws Exception {
        List<String> forwardedFor = new ArrayList<>(List.of("", "203.0.113.7", "203.0.113.7, 10.0.0.2",
                "198.51.100.1, 203.0.113.7, 10.0.0.2, 127.0.0.1", "10.0.0.3, 10.0.0.2", "2001:db8::1",
                "2001:db8::1, fe80::1, ::1", "203.0.113.7,,10.0.0.2", "203.0.113.7, ", " , 10.0.0.1",
                "192.168.0.1, 203.0.113.7", "::ffff:10.1.2.3, 203.0.113.8", "203.0.113.7,172.16.0.1"));
        Random random = new Random(5);
        for (int n = 0; n < 40; n++) {
            StringBuilder chain = new StringBuilder();
            for (int k = random.nextInt(4); k >= 0; k--) {
                chain.append(ADDRESSES[random.nextInt(ADDRESSES.length)]).append(k > 0 ? ", " : "");
            }
            forwardedFor.add(chain.toString());
        }
        List<String> peers = List.of("127.0.0.1", "10.1.2.3", "0:0:0:0:0:0:0:1", "203.0.113.50", "2001:db8::9",
                "172.16.5.5");
        List<Map<String, String>> extras = List.of(Map.of(), Map.of("X-Forwarded-Proto", "https"),
                Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Port", "8443"),
                Map.of("X-Forwarded-Proto", "HTTPS", "X-Forwarded-Port", "nope"),
                Map.of("X-Forwarded-Proto", "https, https"), Map.of("X-Forwarded-Proto", "https, http"),
                Map.of("X-Forwarded-Proto", ","), Map.of("X-Forwarded-Host", "kepu.example.cn"),
                Map.of("X-Forwarded-Host", "kepu.example.cn:8443", "X-Forwarded-By", "10.0.0.9"),
                Map.of("X-Forwarded-Host", "[::1]:80"), Map.of("X-Forwarded-Host", "bad host!"),
                Map.of("X-Forwarded-By", "203.0.113.1"));
        int compared = 0;
        for (String peer : peers) {
            for (String xff : forwardedFor) {
                for (Map<String, String> headers : extras) {
                    for (boolean twoHeaders : new boolean[] {false, true}) {
                        Map<String, String> springs = run(bootConfigured(), peer, xff, headers, twoHeaders);
                        Map<String, String> ours = run(new ForwardedHeadersValve(bootConfigured()), peer, xff,
                                headers, twoHeaders);
                        assertThat(ours).as("peer %s, X-Forwarded-For [%s], %s, twice %s", peer, xff, headers,
                                twoHeaders).isEqualTo(springs);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void takesOverOnlyWhatItSupports() {
        assertThat(ForwardedHeadersValve.canReplace(bootConfigured())).isTrue();
        RemoteIpValve regex = bootConfigured();
        regex.setInternalProxies("10\\.\\d+\\.\\d+\\.\\d+");
        assertThat(ForwardedHeadersValve.canReplace(regex)).isFalse();
        RemoteIpValve trusted = bootConfigured();
        trusted.setTrustedProxies("203.0.113.0/24");
        assertThat(ForwardedHeadersValve.canReplace(trusted)).isFalse();
    }

    /** The request as the next valve sees it, then as it is left afterwards. */
    private static Map<String, String> run(ValveBase valve, String peer, String xff, Map<String, String> headers,
                                           boolean twoHeaders) throws Exception {
        Connector connector = new Connector();
        Request request = new Request(connector, new org.apache.coyote.Request());
        Response response = new Response(new org.apache.coyote.Response());
        request.setRemoteAddr(peer);
        request.setLocalPort(8080);
        request.setServerPort(8080);
        request.getCoyoteRequest().scheme().setString("http");
        request.getCoyoteRequest().serverName().setString("127.0.0.1");
        request.getCoyoteRequest().protocol().setString("HTTP/1.1");
        if (!xff.isEmpty()) {
            if (twoHeaders && xff.contains(",")) {
                int comma = xff.indexOf(',');
                request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(xff.substring(0, comma));
                request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For")
                        .setString(xff.substring(comma + 1));
            } else {
                request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(xff);
            }
        }
        headers.forEach((name, value) -> request.getCoyoteRequest().getMimeHeaders().addValue(name).setString(value));
        Map<String, String> seen = new LinkedHashMap<>();
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request r, Response s) {
                snapshot(r, "during ", seen);
                for (String name : List.of(AccessLog.REMOTE_ADDR_ATTRIBUTE, Globals.REMOTE_ADDR_ATTRIBUTE,
                        AccessLog.REMOTE_HOST_ATTRIBUTE, AccessLog.PROTOCOL_ATTRIBUTE, AccessLog.SERVER_NAME_ATTRIBUTE,
                        AccessLog.SERVER_PORT_ATTRIBUTE, Globals.REQUEST_FORWARDED_ATTRIBUTE)) {
                    seen.put("attribute " + name, String.valueOf(r.getAttribute(name)));
                }
            }
        });
        valve.invoke(request, response);
        snapshot(request, "after ", seen);
        return seen;
    }

    private static void snapshot(Request r, String when, Map<String, String> into) {
        into.put(when + "remoteAddr", r.getRemoteAddr());
        into.put(when + "remoteHost", r.getRemoteHost());
        into.put(when + "scheme", r.getScheme());
        into.put(when + "secure", String.valueOf(r.isSecure()));
        into.put(when + "serverName", r.getServerName());
        into.put(when + "serverPort", String.valueOf(r.getServerPort()));
        into.put(when + "localPort", String.valueOf(r.getLocalPort()));
        into.put(when + "X-Forwarded-For", String.valueOf(r.getCoyoteRequest().getMimeHeaders().getHeader("X-Forwarded-For")));
        into.put(when + "X-Forwarded-By", String.valueOf(r.getCoyoteRequest().getMimeHeaders().getHeader("X-Forwarded-By")));
    }

    /** RFC 5952's short form (the longest run of zero groups as "::"), as nginx writes addresses. */
    private static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
