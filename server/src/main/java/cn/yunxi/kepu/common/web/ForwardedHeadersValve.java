package cn.yunxi.kepu.common.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Enumeration;

import org.apache.catalina.AccessLog;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.StringUtils;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.parser.Host;

import jakarta.servlet.ServletException;

/**
 * What Tomcat's {@link RemoteIpValve} does behind nginx, as Boot configures it ({@code forward-headers-strategy:
 * native}: internal proxies only, no trusted ones): when the peer is an internal proxy, the client address is the
 * rightmost {@code X-Forwarded-For} entry that is not an internal proxy, and {@code X-Forwarded-Proto}, {@code -Host}
 * and {@code -Port} set the scheme, server name and port; everything is put back when the request is done.
 *
 * <p>The difference is how an address is recognised as an internal proxy. Tomcat handed every candidate (the peer
 * and each forwarded entry) to {@link InetAddress#getByName}, which parsed literals slowly (an IPv6 client's address
 * took a microsecond) and resolved anything else through DNS on the request thread: a forwarded entry such as
 * {@code 1.2.3.4.5} or a host name cost a lookup, and a name that resolved to a private address was trusted as a
 * proxy. Here only addresses written out as literals are compared with the ranges ({@link AddressRanges}); a name or
 * a short form is never a proxy, so it is taken as the client's address.
 */
final class ForwardedHeadersValve extends ValveBase {

    private final AddressRanges internalProxies;
    private final String remoteIpHeader;
    private final String proxiesHeader;
    private final String protocolHeader;
    private final String protocolHeaderHttpsValue;
    private final String hostHeader;
    private final String portHeader;
    private final int httpServerPort;
    private final int httpsServerPort;
    private final boolean changeLocalName;
    private final boolean changeLocalPort;
    private final boolean requestAttributesEnabled;

    /** Takes over the configuration of Boot's valve; its internal proxies must be CIDR blocks, its trusted none. */
    ForwardedHeadersValve(RemoteIpValve configured) {
        super(true);
        if (configured.getTrustedProxies() != null) {
            throw new IllegalArgumentException("trusted proxies are not supported");
        }
        this.internalProxies = new AddressRanges(configured.getInternalProxies());
        this.remoteIpHeader = configured.getRemoteIpHeader();
        this.proxiesHeader = configured.getProxiesHeader();
        this.protocolHeader = configured.getProtocolHeader();
        this.protocolHeaderHttpsValue = configured.getProtocolHeaderHttpsValue();
        this.hostHeader = configured.getHostHeader();
        this.portHeader = configured.getPortHeader();
        this.httpServerPort = configured.getHttpServerPort();
        this.httpsServerPort = configured.getHttpsServerPort();
        this.changeLocalName = configured.isChangeLocalName();
        this.changeLocalPort = configured.isChangeLocalPort();
        this.requestAttributesEnabled = configured.getRequestAttributesEnabled();
    }

    /**
     * Whether Boot's valve can be replaced: internal proxies as address blocks (Tomcat reads a setting without '/' as
     * a regular expression) without port patterns, and no trusted proxies.
     */
    static boolean canReplace(RemoteIpValve configured) {
        String internal = configured.getInternalProxies();
        return configured.getTrustedProxies() == null && internal != null && internal.indexOf('/') > 0
                && internal.indexOf(';') < 0;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String originalRemoteAddr = request.getRemoteAddr();
        String originalRemoteHost = request.getRemoteHost();
        String originalScheme = request.getScheme();
        boolean originalSecure = request.isSecure();
        String originalServerName = request.getServerName();
        String originalLocalName = changeLocalName ? request.getLocalName() : null;
        int originalServerPort = request.getServerPort();
        int originalLocalPort = request.getLocalPort();
        String originalProxiesHeader = request.getHeader(proxiesHeader);
        String originalRemoteIpHeader = request.getHeader(remoteIpHeader);

        if (internalProxies.contains(originalRemoteAddr)) {
            takeForwardedValues(request);
        }
        if (requestAttributesEnabled) {
            request.setAttribute(AccessLog.REMOTE_ADDR_ATTRIBUTE, request.getRemoteAddr());
            request.setAttribute(Globals.REMOTE_ADDR_ATTRIBUTE, request.getRemoteAddr());
            request.setAttribute(AccessLog.REMOTE_HOST_ATTRIBUTE, request.getRemoteHost());
            request.setAttribute(AccessLog.PROTOCOL_ATTRIBUTE, request.getProtocol());
            request.setAttribute(AccessLog.SERVER_NAME_ATTRIBUTE, request.getServerName());
            request.setAttribute(AccessLog.SERVER_PORT_ATTRIBUTE, Integer.valueOf(request.getServerPort()));
        }
        try {
            getNext().invoke(request, response);
        } finally {
            if (!request.isAsync()) {
                request.setRemoteAddr(originalRemoteAddr);
                request.setRemoteHost(originalRemoteHost);
                request.setSecure(originalSecure);
                request.getCoyoteRequest().scheme().setString(originalScheme);
                request.getCoyoteRequest().serverName().setString(originalServerName);
                if (changeLocalName) {
                    request.getCoyoteRequest().localName().setString(originalLocalName);
                }
                request.setServerPort(originalServerPort);
                request.setLocalPort(originalLocalPort);
                MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
                restore(headers, proxiesHeader, originalProxiesHeader);
                restore(headers, remoteIpHeader, originalRemoteIpHeader);
            }
        }
    }

    private static void restore(MimeHeaders headers, String name, String original) {
        if (original == null || original.isEmpty()) {
            headers.removeHeader(name);
        } else {
            headers.setValue(name).setString(original);
        }
    }

    /** The peer is an internal proxy: believe what it forwarded. */
    private void takeForwardedValues(Request request) {
        String[] forwardedFor = StringUtils.splitCommaSeparated(joinedHeader(request, remoteIpHeader));
        String client = null;
        int i = forwardedFor.length - 1;
        // From the right: internal proxies are skipped; the first other entry is the client.
        while (i >= 0) {
            client = forwardedFor[i--];
            if (!internalProxies.contains(client)) {
                break;
            }
        }
        if (client != null) {
            request.setRemoteAddr(client);
            request.setRemoteHost(request.getConnector().getEnableLookups() ? hostName(client) : client);
            // no trusted proxies, so none are recorded as having forwarded the request
            request.getCoyoteRequest().getMimeHeaders().removeHeader(proxiesHeader);
            if (i < 0) {
                request.getCoyoteRequest().getMimeHeaders().removeHeader(remoteIpHeader);
            } else {
                StringBuilder rest = new StringBuilder(forwardedFor[0]);
                for (int k = 1; k <= i; k++) {
                    rest.append(',').append(forwardedFor[k]);
                }
                request.getCoyoteRequest().getMimeHeaders().setValue(remoteIpHeader).setString(rest.toString());
            }
        }
        if (protocolHeader != null) {
            String protocol = request.getHeader(protocolHeader);
            if (protocol != null) {
                boolean https = isHttps(protocol);
                request.setSecure(https);
                request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                setPorts(request, https ? httpsServerPort : httpServerPort);
            }
        }
        if (hostHeader != null) {
            String host = request.getHeader(hostHeader);
            if (host != null) {
                try {
                    int portIndex = Host.parse(host);
                    String name = portIndex > -1 ? host.substring(0, portIndex) : host;
                    request.getCoyoteRequest().serverName().setString(name);
                    if (changeLocalName) {
                        request.getCoyoteRequest().localName().setString(name);
                    }
                } catch (IllegalArgumentException invalid) {
                    // not a host: the server name stays as it was
                }
            }
        }
        request.setAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE, Boolean.TRUE);
    }

    private static String joinedHeader(Request request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (!values.hasMoreElements()) {
            return "";
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringBuilder joined = new StringBuilder(first);
        while (values.hasMoreElements()) {
            joined.append(", ").append(values.nextElement());
        }
        return joined.toString();
    }

    /** Secure only when every forwarded protocol is the https value. */
    private boolean isHttps(String protocol) {
        if (protocol.indexOf(',') < 0) {
            return protocolHeaderHttpsValue.equalsIgnoreCase(protocol);
        }
        String[] protocols = StringUtils.splitCommaSeparated(protocol);
        if (protocols.length == 0) {
            return false;
        }
        for (String each : protocols) {
            if (!protocolHeaderHttpsValue.equalsIgnoreCase(each)) {
                return false;
            }
        }
        return true;
    }

    private void setPorts(Request request, int defaultPort) {
        int port = defaultPort;
        if (portHeader != null) {
            String value = request.getHeader(portHeader);
            if (value != null) {
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException notANumber) {
                    // the scheme's default port
                }
            }
        }
        request.setServerPort(port);
        if (changeLocalPort) {
            request.setLocalPort(port);
        }
    }

    private static String hostName(String address) {
        try {
            return InetAddress.getByName(address).getCanonicalHostName();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
