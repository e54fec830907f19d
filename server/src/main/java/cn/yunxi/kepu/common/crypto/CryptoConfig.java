package cn.yunxi.kepu.common.crypto;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${kepu.data-key:}") String dataKey) {
        if (dataKey == null || dataKey.isBlank()) {
            // Only reachable outside prod (prod refuses to start without KEPU_DATA_KEY). Data encrypted with a
            // throw-away key is unreadable after a restart, which is acceptable for tests, never for real data.
            log.warn("KEPU_DATA_KEY is not set; personal data is encrypted with a random key for this run only");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new PersonalDataCipher(random);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(dataKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("KEPU_DATA_KEY must be base64 of 32 random bytes (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException("KEPU_DATA_KEY must be base64 of 32 random bytes (openssl rand -base64 32)");
        }
        return new PersonalDataCipher(key);
    }
}
