package cn.yunxi.kepu.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API's URL authorization rules, decided as Spring's request-matcher delegation decides them (the first rule
 * whose method and path pattern match gives the decision; no rule matching denies) but with less work per request.
 * Spring evaluated one request matcher per pattern in turn, and each looked the parsed path up again in the request's
 * attributes, cut the context path off it and extracted the pattern's variables into a match result; a resident's
 * feed request went through a dozen public patterns that way before reaching its own rule. Here the path is taken
 * once and each pattern is only asked whether it matches. The decisions themselves are Spring's managers.
 */
final class UrlRules implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

    /** One pattern of a rule: {@code method} null for any method, {@code pattern} null for any request. */
    record Rule(@Nullable HttpMethod method, @Nullable String pattern,
                AuthorizationManager<RequestAuthorizationContext> decision) {
    }

    private record Compiled(@Nullable String method, @Nullable PathPattern pattern,
                            AuthorizationManager<RequestAuthorizationContext> decision) {
    }

    private final Compiled[] rules;

    /** {@code parser}: the one Spring MVC matches handlers with, as Spring Security's request matchers use. */
    UrlRules(List<Rule> rules, PathPatternParser parser) {
        List<Compiled> compiled = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            if (rule.pattern() != null && !rule.pattern().startsWith("/")) {
                throw new IllegalArgumentException("pattern must start with a /: " + rule.pattern());
            }
            compiled.add(new Compiled(rule.method() == null ? null : rule.method().name(),
                    rule.pattern() == null ? null : parser.parse(rule.pattern()), rule.decision()));
        }
        this.rules = compiled.toArray(Compiled[]::new);
    }

    @Override
    public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                                                   RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        PathContainer path = pathWithinApplication(request);
        String method = request.getMethod();
        for (Compiled rule : rules) {
            if ((rule.method() == null || rule.method().equals(method))
                    && (rule.pattern() == null || rule.pattern().matches(path))) {
                return rule.decision().authorize(authentication, context);
            }
        }
        return DENY;
    }

    /** The path the patterns are matched against, found as Spring's path-pattern request matcher finds it. */
    private static PathContainer pathWithinApplication(HttpServletRequest request) {
        RequestPath path;
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            path = ServletRequestPathUtils.getParsedRequestPath(request);
        } else {
            path = ServletRequestPathUtils.parseAndCache(request);
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
        return path.pathWithinApplication();
    }
}
