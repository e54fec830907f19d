package cn.yunxi.kepu.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret              HMAC secret for access tokens (KEPU_TOKEN_SECRET); blank outside prod means "make one up"
 * @param accessTokenTtl      short, so a stolen access token is worth little
 * @param refreshTokenTtl     how long a device stays logged in without use
 * @param revocationRecheck   how long an instance trusts its own "this login is still valid" answer before asking
 *                            Redis again; the longest a logout made on another instance takes to reach this one
 */
@ConfigurationProperties("kepu.token")
public record TokenProperties(String secret, Duration accessTokenTtl, Duration refreshTokenTtl,
                              Duration revocationRecheck) {

    public TokenProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        revocationRecheck = revocationRecheck == null ? Duration.ofSeconds(5) : revocationRecheck;
    }
}
