package cn.yunxi.kepu.common.security;

import java.util.List;

/**
 * A feature declares the paths anyone may call without logging in (an RSS feed, certificate verification...)
 * by exposing a bean of this type; everything else under /api needs a token.
 */
public interface PublicEndpoints {

    /** Ant-style path patterns, for any HTTP method. */
    List<String> patterns();
}
