package cn.yunxi.kepu.common.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link ReadReplica}; static, as a post-processor is created before ordinary beans. */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfig {

    @Bean
    static ReadReplica readReplica(Environment environment) {
        return new ReadReplica(environment);
    }
}
