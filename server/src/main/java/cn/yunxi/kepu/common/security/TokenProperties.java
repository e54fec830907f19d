package cn.yunxi.kepu.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret         HMAC secret for access tokens (KEPU_TOKEN_SECRET); blank outside prod means "make one up"
 * @param accessTokenTtl short, so a stolen access token is worth little
 * @param refreshTokenTtl how long a device stays logged in without use
 */
@ConfigurationProperties("kepu.token")
public record TokenProperties(String secret, Duration accessTokenTtl, Duration refreshTokenTtl) {

    public TokenProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
    }
}
