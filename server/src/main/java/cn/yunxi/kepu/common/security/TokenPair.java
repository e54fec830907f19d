package cn.yunxi.kepu.common.security;

import java.time.OffsetDateTime;

/** What a login or a refresh hands the client. The refresh token is shown once and only its hash is stored. */
public record TokenPair(String accessToken, OffsetDateTime accessTokenExpiresAt,
                        String refreshToken, OffsetDateTime refreshTokenExpiresAt) {
}
