package cn.yunxi.kepu.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request whose principal is a {@link CurrentUser}. */
class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final transient Jwt jwt;

    CurrentUserAuthentication(CurrentUser user, Jwt jwt) {
        super(authorities(user));
        this.user = user;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(user.type().name()));
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }
}
