package cn.yunxi.kepu.common.security;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring's strict firewall, minus its URL blocklists where they cannot match. For every request the strict firewall
 * looked for each of its ~35 blocklisted strings ({@code ;}, {@code %2f}, {@code //}, {@code \}, {@code %25},
 * {@code %2e}, encoded and raw control characters, ...) in the context path and request URI and again in the servlet
 * path and path info. A path made only of letters, digits, {@code /}, {@code -}, {@code .}, {@code _} and {@code ~},
 * with no {@code //}, contains none of them: every entry holds some other character or a {@code //} (checked when
 * this firewall is built, so a future Spring with a new kind of entry fails at startup instead of slipping through).
 * Such requests go to a strict firewall configured the same way but with empty blocklists, which still applies every
 * other rule (methods, hosts, normalisation, printable ASCII, the header and parameter checks of the wrapped
 * request); any other request goes to the full strict firewall, so it is accepted or rejected exactly as before.
 */
final class PlainPathFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict;
    private final StrictHttpFirewall withoutBlocklists;

    /** @param configure applied to both firewalls: every setting except the blocklists is the same in each */
    PlainPathFirewall(Consumer<StrictHttpFirewall> configure) {
        this.strict = new StrictHttpFirewall();
        configure.accept(strict);
        requireUnmatchableInPlainPaths(strict.getEncodedUrlBlocklist());
        requireUnmatchableInPlainPaths(strict.getDecodedUrlBlocklist());
        this.withoutBlocklists = new StrictHttpFirewall();
        configure.accept(withoutBlocklists);
        withoutBlocklists.getEncodedUrlBlocklist().clear();
        withoutBlocklists.getDecodedUrlBlocklist().clear();
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        boolean plain = isPlain(request.getRequestURI()) && isPlain(request.getContextPath())
                && isPlain(request.getServletPath()) && isPlain(request.getPathInfo());
        return (plain ? withoutBlocklists : strict).getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    /** Null or only unreserved URI characters and {@code /}, never two slashes in a row. */
    static boolean isPlain(String path) {
        if (path == null) {
            return true;
        }
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(isPlainCharacter(c) || c == '/') || (c == '/' && previous == '/')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isPlainCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** An entry made only of plain characters and single slashes could occur in a plain path: refuse to start. */
    private static void requireUnmatchableInPlainPaths(Set<String> blocklist) {
        for (String entry : blocklist) {
            if (isPlain(entry)) {
                throw new IllegalStateException("The firewall blocklist entry \"" + entry
                        + "\" can occur in a plain path; PlainPathFirewall would let it through");
            }
        }
    }
}
