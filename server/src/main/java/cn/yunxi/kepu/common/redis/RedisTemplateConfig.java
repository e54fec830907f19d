package cn.yunxi.kepu.common.redis;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lettuce.core.ClientOptions;

/**
 * The one Redis template of the application (it replaces Spring Boot's): keys named per deployment
 * ({@link NamespacedKeys}), calls paused for a moment after Redis stops answering ({@link RedisPause}).
 */
@Configuration(proxyBeanMethods = false)
class RedisTemplateConfig {

    @Bean
    RedisPause redisPause(@Value("${kepu.redis.pause-after-failure:5s}") Duration pause) {
        return new RedisPause(pause, System::nanoTime);
    }

    /**
     * While the connection to Redis is down (Redis stopped or restarting: the connection was closed and reconnecting
     * is refused) a command fails at once instead of being held for the reconnect. Held, every command sent in that
     * time waited its full timeout, since only a failure starts the {@link RedisPause}: a request in flight on every
     * worker thread, the first second of each outage. The failure is an outage to {@link RedisPause}, so the
     * callers take their MySQL path as after a timeout. A silent Redis (a partition: the connection still looks up)
     * still costs the commands already sent their timeout.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory connections, DeploymentIdentity deployment,
                                            RedisPause pause) {
        StringRedisTemplate template = new StringRedisTemplate(new PausingConnectionFactory(connections, pause));
        template.setKeySerializer(new NamespacedKeys(deployment.namespace()));
        return template;
    }
}
