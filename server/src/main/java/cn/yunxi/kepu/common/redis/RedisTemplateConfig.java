package cn.yunxi.kepu.common.redis;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

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

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory connections, DeploymentIdentity deployment,
                                            RedisPause pause) {
        StringRedisTemplate template = new StringRedisTemplate(new PausingConnectionFactory(connections, pause));
        template.setKeySerializer(new NamespacedKeys(deployment.namespace()));
        return template;
    }
}
