package cn.yunxi.kepu.common.redis;

import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The key serializer of the application's Redis template: {@code kepu:quiz:lb:{7}} is stored as
 * {@code <namespace>:kepu:quiz:lb:{7}}. Being the serializer, it names every key the template touches (values, hashes,
 * sorted sets, the keys of Lua scripts, WeChat's token cache) without any feature spelling the prefix; code that talks
 * to the raw connection takes its key bytes from {@link #raw}. No braces: Redis Cluster hashes a braced part alone,
 * which would put every key of the deployment on one node.
 */
public final class NamespacedKeys implements RedisSerializer<String> {

    private final String prefix;

    NamespacedKeys(String namespace) {
        this.prefix = namespace + ":";
    }

    @Override
    public byte[] serialize(String key) {
        return key == null ? null : (prefix + key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String key = new String(bytes, StandardCharsets.UTF_8);
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    @Override
    public Class<?> getTargetType() {
        return String.class;
    }

    /** The bytes Redis stores for {@code key} with {@code template}'s naming, for calls on the raw connection. */
    @SuppressWarnings("unchecked")
    public static byte[] raw(StringRedisTemplate template, String key) {
        return ((RedisSerializer<String>) template.getKeySerializer()).serialize(key);
    }
}
